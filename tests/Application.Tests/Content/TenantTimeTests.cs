using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Content;

namespace BrandAutomator.Application.Tests.Content;

public sealed class TenantTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-10-24T09:00", "2026-10-24T07:00:00Z")]
    [InlineData("2026-10-31T09:00", "2026-10-31T08:00:00Z")]
    [InlineData("2026-03-28T09:00", "2026-03-28T08:00:00Z")]
    [InlineData("2026-03-29T09:00", "2026-03-29T07:00:00Z")]
    public void A_wall_clock_time_in_berlin_is_converted_with_the_offset_of_that_day(string local, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), TenantTime.Parse(local, Berlin, "at"));

    [Fact]
    public void A_time_with_an_offset_or_z_is_that_instant_whatever_the_zone()
    {
        var instant = new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(instant, TenantTime.Parse("2026-10-24T07:00:00Z", Berlin, "at"));
        Assert.Equal(instant, TenantTime.Parse("2026-10-24T03:00:00-04:00", Berlin, "at"));
    }

    [Fact]
    public void A_time_the_spring_change_skips_is_refused_and_an_autumn_time_that_happens_twice_is_the_first()
    {
        var error = Assert.Throws<InputValidationException>(() => TenantTime.Parse("2026-03-29T02:30", Berlin, "at"));
        Assert.Contains("does not exist", error.Errors["at"][0], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), TenantTime.Parse("2026-10-25T02:30", Berlin, "at"));
    }

    [Fact]
    public void Local_text_carries_the_offset_of_the_day()
    {
        Assert.Equal("2026-10-24T09:00:00+02:00", TenantTime.ToLocalText(new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), Berlin));
        Assert.Equal("2026-10-31T09:00:00+01:00", TenantTime.ToLocalText(new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void Nonsense_is_refused_on_its_field() =>
        Assert.True(Assert.Throws<InputValidationException>(() => TenantTime.Parse("next tuesday", Berlin, "items[2].at")).Errors.ContainsKey("items[2].at"));
}
