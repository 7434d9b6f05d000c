using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.BaselineHost;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>The API as bench/api's host (bench/api/BaselineHost) runs it: with the raw baseline added and turned on.</summary>
public sealed class RawBaselineFactory : ApiFactory
{
    public RawBaselineFactory()
    {
        WithSetting(RawBaselineEndpoints.Setting, "true");
        ConfigureServices = RawBaselineEndpoints.Add;
    }
}

/// <summary>The product itself, with the benchmark's setting on: the yardstick is not part of it.</summary>
public sealed class ProductWithTheBenchmarkSettingFactory : ApiFactory
{
    public ProductWithTheBenchmarkSettingFactory() => WithSetting(RawBaselineEndpoints.Setting, "true");
}

/// <summary>The raw-Npgsql yardstick of bench/api exists only when the benchmark setting turns it on.</summary>
public sealed class BenchmarkBaselineAbsentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_the_benchmark_setting_the_raw_baseline_is_not_mapped_nor_documented()
    {
        var admin = await factory.RegisterAsync();
        await CreatePostAsync(admin, "linkedIn", "Hello", at: "2031-03-10T09:00");

        var response = await factory.CreateClient().GetAsync($"/api/bench/raw-content?tenant={admin.TenantId}&from=2031-03-01&to=2031-04-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("/api/bench", await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"), StringComparison.Ordinal);
    }
}

/// <summary>bench/api's yardstick lives in bench/api/BaselineHost, not in the product assembly.</summary>
public sealed class BenchmarkBaselineOutOfTheProductTests(ProductWithTheBenchmarkSettingFactory factory)
    : IClassFixture<ProductWithTheBenchmarkSettingFactory>
{
    [Fact]
    public async Task The_product_maps_no_raw_baseline_even_with_the_benchmark_setting_on()
    {
        var admin = await factory.RegisterAsync();

        var response = await factory.CreateClient().GetAsync($"/api/bench/raw-content?tenant={admin.TenantId}&from=2031-03-01&to=2031-04-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(typeof(WebApi.WebApiSetup).Assembly.GetTypes(), t =>
            t.Name.Contains("Benchmark", StringComparison.Ordinal) || t.Name.Contains("RawBaseline", StringComparison.Ordinal));
    }
}

public sealed class BenchmarkBaselineTests(RawBaselineFactory factory) : IClassFixture<RawBaselineFactory>
{
    [Fact]
    public async Task The_raw_baseline_answers_the_same_json_as_the_calendar_and_stays_out_of_the_openapi_document()
    {
        var admin = await factory.RegisterAsync();
        var other = await factory.RegisterAsync();
        await CreatePostAsync(other, "x", "Another tenant's post", at: "2031-03-05T09:00");
        var tz = await admin.Client.PutAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/time-zone", new { timeZone = "Europe/Paris" });
        await tz.EnsureStatusAsync(HttpStatusCode.OK);
        for (var day = 1; day <= 5; day++)
        {
            await CreatePostAsync(admin, day % 2 == 0 ? "linkedIn" : "facebook", $"Post {day}", at: $"2031-03-{day * 5:00}T{8 + day:00}:30");
        }

        await CreatePostAsync(admin, "x", "Next month", at: "2031-04-01T00:30");
        await CreatePostAsync(admin, "x", "Unplanned");

        var ours = await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/content?from=2031-03-01&to=2031-04-01&pageSize=200");
        var raw = await factory.CreateClient().GetFromJsonAsync<JsonObject>(
            $"/api/bench/raw-content?tenant={admin.TenantId}&from=2031-03-01&to=2031-04-01&pageSize=200");

        Assert.Equal(5, ours!["items"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(ours, raw), $"ours:\n{ours}\nraw:\n{raw}");
        Assert.Equal("Europe/Paris", raw!["timeZone"]!.GetValue<string>());
        Assert.DoesNotContain("/api/bench", await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"), StringComparison.Ordinal);
    }
}
