using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using static BrandAutomator.WebApi.Tests.Content.ContentHelpers;

namespace BrandAutomator.WebApi.Tests.Social;

/// <summary>
/// Posts go out only through accounts that work: scheduling, publishing now or moving a post to a network without one
/// is refused naming the network, and the composer learns which accounts it may offer and which networks this server
/// cannot connect (Instagram has no OAuth client here).
/// </summary>
public sealed class PublishingNetworksTests(OAuthFactory factory) : IClassFixture<OAuthFactory>
{
    [Fact]
    public async Task Scheduling_to_a_network_without_an_account_is_refused_naming_it_and_the_post_stays_a_draft()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "x");
        var post = await admin.Client.PostAsJsonAsync("/api/v1/content", new
        {
            title = "Two networks",
            variants = new[]
            {
                new { platform = "x", text = "Hello", mediaAssetIds = Array.Empty<Guid>() },
                new { platform = "linkedIn", text = "Hello", mediaAssetIds = Array.Empty<Guid>() },
            },
        });
        await post.EnsureStatusAsync(HttpStatusCode.Created);
        var id = (await post.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var refused = await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddDays(1));
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await refused.ProblemAsync();
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var message = Assert.Single(problem["errors"]!["variants[1].platform"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("LinkedIn is not connected", message, StringComparison.Ordinal);
        Assert.Equal("draft", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());

        var now = await admin.Client.PostAsync($"/api/v1/automation/content/{id}/publish-now", null);
        await now.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("to publish it", (await now.ProblemAsync())["errors"]!["variants[1].platform"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("draft", (await GetPostAsync(admin, id))["state"]!.GetValue<string>());

        await ConnectAsync(admin, "linkedIn");
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddDays(1))).EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_the_network_refuses_must_be_reconnected_before_a_post_is_moved_to_it()
    {
        var admin = await factory.RegisterAsync();
        var connection = await ConnectAsync(admin, "facebook");
        var id = await CreatePostAsync(admin, "facebook", "Opening soon");
        await (await ScheduleAsync(admin, id, DateTimeOffset.UtcNow.AddDays(1))).EnsureStatusAsync(HttpStatusCode.OK);
        await factory.ExecuteSqlAsync(
            $"""UPDATE "tenant_{admin.TenantId:N}".social_connections SET status = 'NeedsReconnect' WHERE id = '{connection["id"]}'""");

        var moved = await admin.Client.PostAsJsonAsync($"/api/v1/automation/content/{id}/reschedule",
            new { at = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });
        await moved.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Facebook needs reconnecting",
            (await moved.ProblemAsync())["errors"]!["variants[0].platform"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_composer_learns_the_working_accounts_and_which_networks_this_server_cannot_connect_and_only_admins_hear_why()
    {
        var admin = await factory.RegisterAsync();
        await ConnectAsync(admin, "linkedIn");
        var networks = (await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/networks"))!;
        Assert.Equal(Enum.GetValues<BrandAutomator.Domain.Social.SocialPlatform>().Length, networks.Count);
        JsonNode Network(JsonArray list, string platform) => list.Single(n => n!["platform"]!.GetValue<string>() == platform)!;

        var linkedIn = Network(networks, "linkedIn");
        Assert.True(linkedIn["connected"]!.GetValue<bool>());
        Assert.True(linkedIn["configured"]!.GetValue<bool>());
        var account = Assert.Single(linkedIn["accounts"]!.AsArray())!;
        Assert.Equal("Acme on linkedIn", account["displayName"]!.GetValue<string>());
        Assert.True(account["canPublish"]!.GetValue<bool>());
        Assert.False(Network(networks, "x")["connected"]!.GetValue<bool>());
        Assert.Null(Network(networks, "x")["unavailableReason"]?.GetValue<string>());

        var instagram = Network(networks, "instagram");
        Assert.False(instagram["configured"]!.GetValue<bool>());
        var reason = instagram["unavailableReason"]!.GetValue<string>();
        Assert.Contains("Instagram", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientId", reason, StringComparison.Ordinal);

        var editor = await Tenants.TeamHelpers.InviteAndAcceptAsync(factory, admin, "editor");
        var seenByEditor = (await editor.Client.GetFromJsonAsync<JsonArray>("/api/v1/social/networks"))!;
        Assert.False(Network(seenByEditor, "instagram")["configured"]!.GetValue<bool>());
        Assert.Null(Network(seenByEditor, "instagram")["unavailableReason"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/social/networks")).StatusCode);
    }
}
