using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public sealed class SocialProfileTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(SocialPlatform.X, "northwind_hq", true)]
    [InlineData(SocialPlatform.X, "nw", false)]
    [InlineData(SocialPlatform.X, "northwindcoffeeroasters", false)]
    [InlineData(SocialPlatform.X, "north.wind", false)]
    [InlineData(SocialPlatform.Instagram, "northwind.coffee", true)]
    [InlineData(SocialPlatform.Instagram, "Northwind", false)]
    [InlineData(SocialPlatform.Instagram, ".northwind", false)]
    [InlineData(SocialPlatform.Instagram, "north..wind", false)]
    [InlineData(SocialPlatform.LinkedIn, "northwind-coffee", true)]
    [InlineData(SocialPlatform.LinkedIn, "northwind-", false)]
    [InlineData(SocialPlatform.Facebook, "NorthwindCoffee", true)]
    [InlineData(SocialPlatform.Facebook, "nw", false)]
    public void Handle_rules_follow_each_network(SocialPlatform platform, string handle, bool valid) =>
        Assert.Equal(valid, ProfileSpecs.For(platform).Handle!.IsValid(handle));

    [Fact]
    public void Handle_ideas_come_from_the_name_without_accents_and_fit_the_rules()
    {
        var handles = HandleSuggestions.Suggest(ProfileSpecs.Instagram.Handle, "Café Ünïcode", "Coffee", Guid.NewGuid());

        Assert.Equal("cafeunicode", handles[0]);
        Assert.Contains("cafe_unicode", handles);
        Assert.All(handles, h => Assert.True(ProfileSpecs.Instagram.Handle!.IsValid(h)));
        Assert.Empty(HandleSuggestions.Suggest(ProfileSpecs.GoogleBusiness.Handle, "Café", null, Guid.NewGuid()));
    }

    [Fact]
    public void A_name_without_latin_letters_still_gets_valid_handles()
    {
        var handles = HandleSuggestions.Suggest(ProfileSpecs.X.Handle, "東京 🚀", null, Guid.NewGuid());

        Assert.NotEmpty(handles);
        Assert.All(handles, h => Assert.True(ProfileSpecs.X.Handle!.IsValid(h), h));
    }

    [Fact]
    public void A_kit_refuses_images_of_another_size_and_texts_over_the_limit()
    {
        var kit = SocialProfileKit.Start(Guid.NewGuid(), SocialPlatform.X, Guid.NewGuid(), Now);
        ProfileKitText Bio(string text) => new("bio", "Bio", text, 160, ProfileText.Count(SocialPlatform.X, text), false);
        var avatar = new ProfileKitImage("a.png", 400, 400);
        var banner = new ProfileKitImage("b.png", 1500, 500);

        Assert.Equal("avatar", Assert.Throws<DomainRuleException>(() =>
            kit.Compose("Acme", [], [Bio("hi")], new ProfileKitImage("a.png", 401, 400), banner, null, "offline", Now)).Field);
        Assert.Equal("banner", Assert.Throws<DomainRuleException>(() =>
            kit.Compose("Acme", [], [Bio("hi")], avatar, null, null, "offline", Now)).Field);
        // 81 CJK characters weigh 162 on X.
        Assert.Equal("bio", Assert.Throws<DomainRuleException>(() =>
            kit.Compose("Acme", [], [Bio(new string('東', 81))], avatar, banner, null, "offline", Now)).Field);
        Assert.Equal("handles", Assert.Throws<DomainRuleException>(() =>
            kit.Compose("Acme", ["no spaces allowed"], [Bio("hi")], avatar, banner, null, "offline", Now)).Field);

        kit.Compose("Acme", ["acme_hq"], [Bio(new string('東', 80))], avatar, banner, "https://acme.example", "offline", Now);
        Assert.Equal(1, kit.Version);
    }

    [Fact]
    public void Pushing_and_connecting_remove_their_steps_and_a_task_with_no_steps_succeeds()
    {
        var kit = SocialProfileKit.Start(Guid.NewGuid(), SocialPlatform.Facebook, Guid.NewGuid(), Now);
        kit.Compose("Acme", ["acmehq"], [new ProfileKitText("about", "About", "We make things.", 255, 15, false)],
            new ProfileKitImage("a.png", 720, 720), new ProfileKitImage("b.png", 851, 315), "https://acme.example", "offline", Now);
        var before = kit.RemainingSteps(connected: false);
        kit.MarkPushed("Set on Facebook (about).", Now);
        var after = kit.RemainingSteps(connected: true);

        Assert.Contains(before, s => s.StartsWith("Paste the about", StringComparison.Ordinal));
        Assert.Contains(before, s => s.StartsWith("Connect", StringComparison.Ordinal));
        Assert.DoesNotContain(after, s => s.StartsWith("Paste", StringComparison.Ordinal) || s.StartsWith("Connect", StringComparison.Ordinal));
        Assert.Contains(after, s => s.Contains("720x720", StringComparison.Ordinal));

        var task = AutomationTask.StartProfileSetup(kit.Id, "Set up Acme on Facebook", before, Now);
        Assert.Equal(AutomationTaskState.WaitingForUser, task.State);
        task.UpdateSteps([], Now);
        Assert.Equal(AutomationTaskState.Succeeded, task.State);
        Assert.NotNull(task.FinishedAt);
    }

    [Fact]
    public void A_location_keeps_its_request_id_and_body_once_a_create_may_have_gone_out()
    {
        var location = GoogleBusinessLocation.Plan(Guid.NewGuid(), Guid.NewGuid(), "accounts/123", "Acme", "{\"a\":1}", Guid.NewGuid(), Now);
        var requestId = location.RequestId;
        Assert.True(requestId.Length <= GoogleBusinessLocation.MaxRequestIdLength);

        location.MarkValidated(Now);
        location.StartCreate(Now);
        location.MarkUnanswered("timeout", Now);
        location.Revise("Acme 2", "{\"a\":2}", Now);
        location.MarkValidated(Now);

        Assert.Equal(LocationCreationState.Unconfirmed, location.State);
        Assert.True(location.IsOpen);
        Assert.Equal("{\"a\":1}", location.LocationJson);
        Assert.Equal(requestId, location.RequestId);
        location.StartCreate(Now);
        location.MarkCreated("locations/9", Now);
        Assert.Equal(2, location.Attempts);
        Assert.False(location.IsOpen);
        Assert.Equal("account", Assert.Throws<DomainRuleException>(() =>
            GoogleBusinessLocation.Plan(Guid.NewGuid(), Guid.NewGuid(), "123", "Acme", "{}", Guid.NewGuid(), Now)).Field);
    }
}
