using System.Security.Cryptography;
using BrandAutomator.Sdk.Example;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.ApiKeys;
using BrandAutomator.WebApi.Tests.Content;
using BrandAutomator.WebApi.Tests.Platform;

namespace BrandAutomator.WebApi.Tests.Sdk;

/// <summary>
/// Issue #22, acceptance 4: the C# SDK's example (sdk/csharp/Example) signs in with a workspace API key, creates a post
/// and schedules it, against the API on a real PostgreSQL; and the committed client is the one the document makes.
/// </summary>
public sealed class SdkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_csharp_example_creates_and_schedules_a_post_with_an_api_key()
    {
        var admin = await factory.RegisterAsync(company: "Sdk Bakery");
        await ContentHelpers.ConnectAsync(admin, "linkedIn");
        var key = await admin.CreateKeyAsync(["contentWrite", "publish"], name: "C# SDK example");
        var at = DateTimeOffset.UtcNow.AddDays(1);
        using var output = new StringWriter();

        var post = await ScheduleExample.RunAsync(factory.Server.BaseAddress, key.Secret, "linkedIn", at, output, factory.CreateClient());

        Assert.Equal("scheduled", post.State);
        var stored = await ContentHelpers.GetPostAsync(admin, post.Id);
        Assert.Equal("scheduled", stored["state"]!.GetValue<string>());
        Assert.Equal(ScheduleExample.Title, stored["title"]!.GetValue<string>());
        Assert.True(Math.Abs((stored["scheduledAt"]!.GetValue<DateTimeOffset>() - at).TotalSeconds) < 60, stored.ToJsonString());
        Assert.Contains($"Post {post.Id} is scheduled", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_csharp_client_was_generated_from_the_current_openapi_document()
    {
        var root = BuiltApi.RepositoryRoot();
        var document = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, "client", "openapi.json"))));
        var generatedFrom = File.ReadAllText(Path.Combine(root, "sdk", "csharp", "BrandAutomator.Sdk", "Client", "openapi.sha256")).Trim();

        Assert.True(document == generatedFrom,
            "sdk/csharp/BrandAutomator.Sdk/Client is stale relative to client/openapi.json: run sdk/csharp/generate and commit the result.");
    }
}
