using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Onboarding;

public sealed class OnboardingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly object Basics = new { name = "Northwind Coffee", description = "Single-origin roaster", industry = "Food & drink", website = "https://northwind.example" };
    private static readonly object Audience = new { targetAudience = "Remote workers who brew at home", coreProblem = "Supermarket coffee tastes flat" };
    private static readonly object Voice = new { brandVoice = "Warm, precise, a little nerdy about water temperature" };
    private static readonly object Strategy = new
    {
        vision = "Every home kitchen a great café",
        mission = "Roast fresh, ship fast, teach brewing",
        values = new[] { new { name = "Freshness", description = "Roasted within 48 hours of shipping" }, new { name = "Craft", description = "Small batches" } },
        positioningStatement = "For home brewers who care, Northwind is the roaster that ships beans at their peak.",
    };

    [Fact]
    public async Task A_new_tenant_starts_at_step_1_with_nothing_done()
    {
        var account = await factory.RegisterAsync();

        var progress = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/onboarding/progress"))!;

        Assert.Equal(1, progress["currentStep"]!.GetValue<int>());
        Assert.Empty(progress["completedSteps"]!.AsArray());
        Assert.False(progress["completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_step_is_validated_on_its_own_and_names_its_fields()
    {
        var account = await factory.RegisterAsync();
        await (await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics })).EnsureStatusAsync(HttpStatusCode.Created);

        var cases = new (object Body, string Field)[]
        {
            (new { basics = new { name = "" } }, "basics.name"),
            (new { basics = new { name = "Ok", website = "not a url" } }, "basics.website"),
            (new { audience = new { targetAudience = "", coreProblem = "x" } }, "audience.targetAudience"),
            (new { audience = new { targetAudience = "x", coreProblem = new string('p', 2001) } }, "audience.coreProblem"),
            (new { voice = new { brandVoice = " " } }, "voice.brandVoice"),
            (new { strategy = new { vision = "v", mission = "m", values = Array.Empty<object>(), positioningStatement = "p" } }, "strategy.values"),
            (new { strategy = new { vision = "v", mission = "m", values = new[] { new { name = "", description = "d" } }, positioningStatement = "p" } }, "strategy.values[0].name"),
            (new { identity = new { brandColours = new[] { "red" } } }, "identity.brandColours[0]"),
            (new { identity = new { logoAssetId = Guid.NewGuid(), brandColours = Array.Empty<string>() } }, "identity.logoAssetId"),
        };

        foreach (var (body, field) in cases)
        {
            var response = await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", body);
            await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
            var errors = (await response.ProblemAsync())["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"Expected an error on {field}, got {errors.ToJsonString()}");
        }

        // Nothing of the refused steps was kept.
        var progress = (await account.Client.GetFromJsonAsync<JsonObject>("/api/v1/onboarding/progress"))!;
        Assert.Equal([1], progress["completedSteps"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal("Northwind Coffee", progress["company"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_wizard_resumes_where_the_user_left_it()
    {
        var account = await factory.RegisterAsync();
        await (await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics })).EnsureStatusAsync(HttpStatusCode.Created);
        await (await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { audience = Audience })).EnsureStatusAsync(HttpStatusCode.OK);

        // The user leaves: signs out and signs in again later, from another device.
        await account.Client.PostAsync("/api/v1/auth/logout", null);
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        var later = await factory.AccountFromAsync(login, account.Email, account.Password);
        var progress = (await later.Client.GetFromJsonAsync<JsonObject>("/api/v1/onboarding/progress"))!;

        Assert.Equal(3, progress["currentStep"]!.GetValue<int>());
        Assert.Equal([1, 2], progress["completedSteps"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal("Remote workers who brew at home", progress["company"]!["targetAudience"]!.GetValue<string>());

        var moved = await later.Client.PutAsJsonAsync("/api/v1/onboarding/progress", new { currentStep = 2 });
        await moved.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["currentStep"]!.GetValue<int>());
        var outOfRange = await later.Client.PutAsJsonAsync("/api/v1/onboarding/progress", new { currentStep = 6 });
        await outOfRange.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Completing_step_5_after_the_others_completes_onboarding()
    {
        var account = await factory.RegisterAsync();
        await (await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics })).EnsureStatusAsync(HttpStatusCode.Created);
        await (await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { audience = Audience, voice = Voice })).EnsureStatusAsync(HttpStatusCode.OK);
        var afterFour = await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { strategy = Strategy });
        Assert.False((await afterFour.Content.ReadFromJsonAsync<JsonObject>())!["completed"]!.GetValue<bool>());

        var done = await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { identity = new { brandColours = new[] { "#1F3A5F", "#f2c14e" } } });

        await done.EnsureStatusAsync(HttpStatusCode.OK);
        var progress = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(progress["completed"]!.GetValue<bool>());
        Assert.NotNull(progress["completedAt"]);
        Assert.Equal([1, 2, 3, 4, 5], progress["completedSteps"]!.AsArray().Select(s => s!.GetValue<int>()));
        var company = progress["company"]!;
        Assert.Equal(["#1F3A5F", "#F2C14E"], company["brandColours"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Freshness", company["values"]![0]!["name"]!.GetValue<string>());
        Assert.Single((await account.Client.GetFromJsonAsync<JsonArray>("/api/v1/companies"))!);
    }

    [Fact]
    public async Task Starting_the_company_twice_is_a_conflict_and_updating_before_starting_is_not_found()
    {
        var account = await factory.RegisterAsync();

        var early = await account.Client.PutAsJsonAsync("/api/v1/onboarding/company", new { voice = Voice });
        await early.EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics })).EnsureStatusAsync(HttpStatusCode.Created);
        var again = await account.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics });
        await again.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Viewers_read_onboarding_but_cannot_change_it()
    {
        var admin = await factory.RegisterAsync();
        var viewer = await Tenants.TeamHelpers.InviteAndAcceptAsync(factory, admin, "viewer");

        await (await viewer.Client.GetAsync("/api/v1/onboarding/progress")).EnsureStatusAsync(HttpStatusCode.OK);
        await (await viewer.Client.PostAsJsonAsync("/api/v1/onboarding/company", new { basics = Basics })).EnsureStatusAsync(HttpStatusCode.Forbidden);
    }
}
