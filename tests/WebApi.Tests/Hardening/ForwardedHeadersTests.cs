using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using Xunit;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>
/// Through a real socket (Kestrel on a loopback port, not the in-memory test server): <c>X-Forwarded-For</c> is
/// believed from the configured networks and from nowhere else, loopback included.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Spoofed = "203.0.113.77";

    [Theory]
    [InlineData(null, false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("127.0.0.0/8", true)]
    public async Task The_client_address_comes_from_X_Forwarded_For_only_when_the_peer_is_in_a_trusted_network(string? trusted, bool believed)
    {
        var port = FreePort();
        var factory = new ApiFactory();
        if (trusted is not null)
        {
            factory.WithSetting("ForwardedHeaders:TrustedNetworks:0", trusted);
        }

        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            factory.UseKestrel(port);
            factory.StartServer();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", Spoofed);

            var registered = await client.PostAsJsonAsync("/api/v1/auth/register",
                new { email = ApiClient.UniqueEmail("proxy"), password = ApiClient.GoodPassword, fullName = "Proxy Test", companyName = "Proxy" });
            await registered.EnsureStatusAsync(HttpStatusCode.Created);
            var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            using var sessions = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/sessions");
            sessions.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var listed = await client.SendAsync(sessions);
            await listed.EnsureStatusAsync(HttpStatusCode.OK);

            var address = (await listed.Content.ReadFromJsonAsync<JsonArray>())![0]!["ipAddress"]!.GetValue<string>();
            if (believed)
            {
                Assert.Equal(Spoofed, address);
            }
            else
            {
                Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address).MapToIPv4()), $"The session records {address}.");
            }
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
