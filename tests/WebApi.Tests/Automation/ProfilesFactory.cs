using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Automation;

/// <summary>The API with Google Business Profile and the Graph API pointed at a local fake, and a 5-second timeout on their calls (a lost answer waits 10).</summary>
public sealed class ProfilesFactory : ApiFactory
{
    public FakeGoogleBusiness Google { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (key, value) in Google.Settings())
        {
            WithSetting(key, value);
        }

        WithSetting("GoogleBusinessProfile:RequestTimeoutSeconds", "5");
        Google.LostAnswerDelay = TimeSpan.FromSeconds(10);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Google.Dispose();
    }
}
