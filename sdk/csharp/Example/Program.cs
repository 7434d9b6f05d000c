// Usage: BRANDAUTO_URL=https://app.example.com BRANDAUTO_API_KEY=ba_live_... dotnet run --project sdk/csharp/Example [network]
// The key needs the "Write content" and "Publish" permissions, and the workspace a connected account on the network.
using BrandAutomator.Sdk.Example;

var url = Environment.GetEnvironmentVariable("BRANDAUTO_URL");
var key = Environment.GetEnvironmentVariable("BRANDAUTO_API_KEY");
if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(key))
{
    Console.Error.WriteLine("Set BRANDAUTO_URL (the app's address) and BRANDAUTO_API_KEY (a key from Settings, API keys).");
    return 64;
}

var network = args.Length > 0 ? args[0] : "linkedIn";
var post = await ScheduleExample.RunAsync(new Uri(url), key, network, DateTimeOffset.UtcNow.AddDays(1), Console.Out);
return post.State == "scheduled" ? 0 : 1;
