using System.Net;
using BrandAutomator.Application.Webhooks;
using BrandAutomator.Infrastructure.Webhooks;
using BrandAutomator.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace BrandAutomator.Infrastructure.Tests.Webhooks;

/// <summary>
/// Issue #22, acceptance 2 (SSRF): with the Production environment setting, webhooks never reach a private, loopback,
/// link-local, carrier-grade NAT or unique-local address: refused when the endpoint is saved, and again when the
/// connection is opened, whatever the name resolves to by then (DNS rebinding). Elsewhere local fakes receive.
/// </summary>
public sealed class WebhookNetworkTests
{
    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.16.0.9/hooks")]
    [InlineData("https://192.168.1.20/hooks")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd12:3456::1]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks")]
    [InlineData("https://localhost/hooks")]
    public async Task Production_refuses_to_save_a_private_or_local_address(string url)
    {
        await using var services = Services(Environments.Production);
        var refusal = await services.GetRequiredService<IWebhookTargetPolicy>().RefusalAsync(new Uri(url), CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Contains("private or local network address", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_accepts_a_public_https_address_and_asks_for_https()
    {
        await using var services = Services(Environments.Production);
        var policy = services.GetRequiredService<IWebhookTargetPolicy>();

        Assert.Null(await policy.RefusalAsync(new Uri("https://93.184.215.14/hooks"), CancellationToken.None));
        Assert.StartsWith("Use an https:// address", await policy.RefusalAsync(new Uri("http://93.184.215.14/hooks"), CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_at_connect_time_a_name_that_resolves_to_loopback()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var services = Services(Environments.Production);
        // As if the name had resolved to a public address when the endpoint was saved, and to loopback now.
        var url = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;

        var result = await services.GetRequiredService<IWebhookSender>().SendAsync(Message(url), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Null(result.StatusCode);
        Assert.Equal("localhost is a private or local network address, which this server does not send webhooks to.", result.Error);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Outside_production_a_local_receiver_gets_a_signed_request()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var services = Services(Environments.Development);
        var message = Message(new UriBuilder(receiver.Url) { Host = "localhost" }.Uri);
        receiver.Secret = message.Secret;

        var result = await services.GetRequiredService<IWebhookSender>().SendAsync(message, CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        Assert.Equal(204, result.StatusCode);
        var got = Assert.Single(receiver.Received);
        Assert.True(got.SignatureValid);
        Assert.Equal("evt_0123", got.Id);
        Assert.Equal(message.Timestamp.ToUnixTimeSeconds(), got.Timestamp);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.64.0.0", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fc00::1", false)]
    public void Public_addresses_are_told_from_private_ones(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookNetworkRules.IsPublic(IPAddress.Parse(address)));

    private static WebhookMessage Message(Uri url) =>
        new(url, "evt_0123", DateTimeOffset.FromUnixTimeSeconds(1_798_761_600), """{"id":"evt_0123","type":"webhook.test"}""",
            WebhookSignature.NewSecret());

    private static ServiceProvider Services(string environment)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:TimeoutSeconds"] = "5" }).Build());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddWebhooks();
        return services.BuildServiceProvider();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "BrandAutomator.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
