using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.Domain.Social;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;
using BrandAutomator.WebApi.Tests.Tenants;
using SkiaSharp;

namespace BrandAutomator.WebApi.Tests.Automation;

/// <summary>Profile kits through the real pipeline: AI texts (offline), SkiaSharp images in storage behind signed links, set-up tasks, and pushes to fake networks.</summary>
public sealed class SocialProfileKitTests(ProfilesFactory factory) : IClassFixture<ProfilesFactory>
{
    private static readonly string[] AllPlatforms = ["linkedIn", "x", "facebook", "instagram", "googleBusiness"];

    [Fact]
    public async Task A_kit_per_network_has_its_exact_image_sizes_texts_within_limits_valid_handles_and_a_task_of_steps()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var logo = (await (await admin.UploadAsync(("mark.png", SampleFiles.Png(300, 120, SKColors.OrangeRed)))).AssetIdsAsync())[0];
        Assert.Equal("ready", (await admin.WaitProcessedAsync(logo))["state"]!.GetValue<string>());
        await (await admin.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { identity = new { logoAssetId = logo, brandColours = new[] { "#1F3A5F", "#F2C14E" } } }))
            .EnsureStatusAsync(HttpStatusCode.OK);

        var response = await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = AllPlatforms });

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var kits = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(AllPlatforms, kits.Select(k => k!["platform"]!.GetValue<string>()));
        var anonymous = factory.CreateClient();
        foreach (var kit in kits.Select(k => k!.AsObject()))
        {
            var spec = ProfileSpecs.For(Enum.Parse<SocialPlatform>(kit["platform"]!.GetValue<string>(), ignoreCase: true));
            Assert.Equal("Northwind Coffee", kit["displayName"]!.GetValue<string>());
            Assert.Equal("https://northwind.example", kit["link"]!.GetValue<string>());
            Assert.True(kit["source"]!["offline"]!.GetValue<bool>());
            Assert.Contains("Offline mode", kit["source"]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, kit["version"]!.GetValue<int>());

            await AssertImageAsync(anonymous, kit["avatar"]!, spec.Avatar);
            if (spec.Banner is { } banner)
            {
                await AssertImageAsync(anonymous, kit["banner"]!, banner);
            }
            else
            {
                Assert.Null(kit["banner"]);
            }

            var texts = kit["texts"]!.AsArray();
            Assert.Equal(spec.TextFields.Select(f => f.Key), texts.Select(t => t!["key"]!.GetValue<string>()));
            foreach (var text in texts)
            {
                var value = text!["text"]!.GetValue<string>();
                Assert.NotEmpty(value);
                Assert.True(ProfileText.Count(spec.Platform, value) <= text["maxLength"]!.GetValue<int>(), $"{spec.Platform}: {value}");
                Assert.Equal(ProfileText.Count(spec.Platform, value), text["length"]!.GetValue<int>());
            }

            var handles = kit["handles"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
            if (spec.Handle is { } rule)
            {
                Assert.NotEmpty(handles);
                Assert.All(handles, h => Assert.True(rule.IsValid(h), h));
                Assert.Contains(handles, h => h.Contains("northwind", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                Assert.Empty(handles);
            }

            var steps = kit["remainingSteps"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.Contains(steps, s => s.Contains($"{spec.Avatar.Width}x{spec.Avatar.Height}", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.StartsWith("Connect", StringComparison.Ordinal));
        }

        var tasks = (await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/automation/tasks"))!["items"]!.AsArray();
        var setups = tasks.Where(t => t!["kind"]!.GetValue<string>() == "profile-setup").ToList();
        Assert.Equal(5, setups.Count);
        Assert.All(setups, t =>
        {
            Assert.Equal("waitingForUser", t!["state"]!.GetValue<string>());
            Assert.NotEmpty(t["remainingSteps"]!.AsArray());
            Assert.Contains(kits, k => k!["id"]!.GetValue<Guid>() == t["subjectId"]!.GetValue<Guid>());
        });

        var listed = (await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/automation/social-profiles?companyId={companyId}"))!;
        Assert.Equal(5, listed.Count);
        var x = kits.Single(k => k!["platform"]!.GetValue<string>() == "x")!;
        var fetched = (await admin.Client.GetFromJsonAsync<JsonObject>($"/api/v1/automation/social-profiles/{x["id"]}"))!;
        Assert.Equal(x["texts"]!.ToJsonString(), fetched["texts"]!.ToJsonString());
    }

    [Fact]
    public async Task Regenerating_gives_another_take_with_new_images_and_the_old_ones_are_removed()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var first = (await (await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = new[] { "instagram" } }))
            .Content.ReadFromJsonAsync<JsonArray>())![0]!;

        var response = await admin.Client.PostAsync($"/api/v1/automation/social-profiles/{first["id"]}/regenerate", null);

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var second = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(first["id"]!.GetValue<Guid>(), second["id"]!.GetValue<Guid>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.NotEqual(first["texts"]![0]!["text"]!.GetValue<string>(), second["texts"]![0]!["text"]!.GetValue<string>());
        var anonymous = factory.CreateClient();
        await AssertImageAsync(anonymous, second["avatar"]!, ProfileSpecs.Instagram.Avatar);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(PathAndQuery(first["avatar"]!["url"]!.GetValue<string>()))).StatusCode);

        // Asking again for the same network rebuilds its kit: still one kit and one task per network.
        await (await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = new[] { "instagram" } }))
            .EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Single((await admin.Client.GetFromJsonAsync<JsonArray>($"/api/v1/automation/social-profiles?companyId={companyId}"))!);
        Assert.Single((await admin.Client.GetFromJsonAsync<JsonObject>("/api/v1/automation/tasks"))!["items"]!.AsArray(),
            t => t!["kind"]!.GetValue<string>() == "profile-setup");
    }

    [Fact]
    public async Task Kit_texts_are_pushed_to_a_connected_facebook_page_and_business_profile_location()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var kits = (await (await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles",
            new { companyId, platforms = new[] { "facebook", "googleBusiness", "x" } })).Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.All(kits, k => Assert.False(k!["canPush"]!.GetValue<bool>()));
        await ConnectAsync(admin, "facebook", "4242424242", "page-token");
        await ConnectAsync(admin, "googleBusiness", "accounts/111/locations/222", "gbp-token");
        await ConnectAsync(admin, "x", "1700000000", "x-token");
        var facebook = kits.Single(k => k!["platform"]!.GetValue<string>() == "facebook")!;
        var google = kits.Single(k => k!["platform"]!.GetValue<string>() == "googleBusiness")!;
        var x = kits.Single(k => k!["platform"]!.GetValue<string>() == "x")!;

        var pushedFacebook = await admin.Client.PostAsync($"/api/v1/automation/social-profiles/{facebook["id"]}/push", null);
        var pushedGoogle = await admin.Client.PostAsync($"/api/v1/automation/social-profiles/{google["id"]}/push", null);
        var pushedX = await admin.Client.PostAsync($"/api/v1/automation/social-profiles/{x["id"]}/push", null);

        await pushedFacebook.EnsureStatusAsync(HttpStatusCode.OK);
        await pushedGoogle.EnsureStatusAsync(HttpStatusCode.OK);
        await pushedX.EnsureStatusAsync(HttpStatusCode.UnprocessableEntity);
        var page = Assert.Single(factory.Google.Requests, r => r.Path == "/4242424242");
        Assert.Equal("POST", page.Method);
        Assert.Equal("page-token", page.AccessToken);
        Assert.Contains("about=" + Uri.EscapeDataString(facebook["texts"]![0]!["text"]!.GetValue<string>()).Replace("%20", "+", StringComparison.Ordinal),
            page.Body, StringComparison.Ordinal);
        var patch = Assert.Single(factory.Google.Requests, r => r.Path == "/v1/locations/222");
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal("profile.description", patch.Query["updateMask"]);
        Assert.Equal("gbp-token", patch.AccessToken);
        Assert.Equal(google["texts"]![0]!["text"]!.GetValue<string>(), JsonNode.Parse(patch.Body)!["profile"]!["description"]!.GetValue<string>());

        var after = (await pushedFacebook.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(after["pushedAt"]);
        Assert.DoesNotContain(after["remainingSteps"]!.AsArray(), s => s!.GetValue<string>().StartsWith("Paste", StringComparison.Ordinal));
        Assert.DoesNotContain(after["remainingSteps"]!.AsArray(), s => s!.GetValue<string>().StartsWith("Connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_unknown_brands_and_viewers_are_refused_with_problem_details()
    {
        var admin = await factory.RegisterAsync();
        var companyId = await admin.CreateBrandAsync();
        var viewer = await TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");

        var empty = await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = Array.Empty<string>() });
        var unknown = await admin.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId = Guid.NewGuid(), platforms = new[] { "x" } });
        var forbidden = await viewer.Client.PostAsJsonAsync("/api/v1/automation/create-social-profiles", new { companyId, platforms = new[] { "x" } });

        await empty.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await empty.ProblemAsync())["errors"]!.AsObject().ContainsKey("platforms"));
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
        await forbidden.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonArray>("/api/v1/automation/social-profiles"))!);
        await (await admin.Client.GetAsync($"/api/v1/automation/social-profiles/{Guid.NewGuid()}")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private static async Task ConnectAsync(Account admin, string platform, string account, string token) =>
        await (await admin.Client.PostAsJsonAsync("/api/v1/social/connections",
            new { platform, externalAccountId = account, displayName = "Northwind on " + platform, accessToken = token })).EnsureStatusAsync(HttpStatusCode.Created);

    private static async Task AssertImageAsync(HttpClient client, JsonNode image, PixelSize size)
    {
        Assert.Equal(size.Width, image["width"]!.GetValue<int>());
        Assert.Equal(size.Height, image["height"]!.GetValue<int>());
        var response = await client.GetAsync(PathAndQuery(image["url"]!.GetValue<string>()));
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((size.Width, size.Height), SampleFiles.PngSize(png));
    }

    /// <summary>Links the SPA shows are relative to wherever the app is served, so they work on any host and port.</summary>
    private static string PathAndQuery(string url)
    {
        Assert.StartsWith("/api/v1/files/", url, StringComparison.Ordinal);
        return url;
    }
}
