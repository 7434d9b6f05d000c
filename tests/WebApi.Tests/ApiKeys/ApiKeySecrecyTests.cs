using System.Net;
using System.Net.Http.Json;
using System.Text;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.ApiKeys;

/// <summary>After the answer that creates it, a key's secret appears nowhere: not in answers, logs, the audit log or the database.</summary>
[Collection(ConsoleCapture.Name)]
public sealed class ApiKeySecrecyTests : IAsyncLifetime
{
    private readonly ApiFactory factory = new ApiFactory().WithSetting("Serilog:MinimumLevel:Default", "Debug");

    public Task InitializeAsync() => factory.InitializeAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_secret_appears_in_no_log_line_answer_audit_event_or_row_after_creation()
    {
        var admin = await factory.RegisterAsync();
        var log = new StringBuilder();
        var original = Console.Out;
        Console.SetOut(new Tee(original, log));
        string secret;
        var answers = new StringBuilder();
        try
        {
            var key = await admin.CreateKeyAsync(["contentRead"]);
            secret = key.Secret;
            var client = factory.KeyClient(secret);
            answers.Append(await (await client.GetAsync("/api/v1/companies")).Content.ReadAsStringAsync());
            answers.Append(await (await client.PostAsJsonAsync("/api/v1/companies", ApiKeyHelpers.Company())).Content.ReadAsStringAsync());
            answers.Append(await (await client.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync());
            answers.Append(await admin.Client.GetStringAsync("/api/v1/api-keys"));
            answers.Append(await admin.Client.GetStringAsync($"/api/v1/tenants/{admin.TenantId}/audit-log"));
            answers.Append(await (await admin.Client.DeleteAsync($"/api/v1/api-keys/{key.Id}")).Content.ReadAsStringAsync());
            var refused = await client.GetAsync("/api/v1/companies");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            answers.Append(await refused.Content.ReadAsStringAsync()).Append(refused.Headers.WwwAuthenticate);
            await Task.Delay(500);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("/api/v1/companies", log.ToString(), StringComparison.Ordinal);
        // Neither the whole secret nor its random part beyond the displayed prefix.
        var hidden = secret[12..];
        Assert.DoesNotContain(hidden, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, answers.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM public.audit_events WHERE detail LIKE '%{hidden}%'"));
        Assert.Equal(0, await factory.CountAsync(
            $"SELECT count(*) FROM public.api_keys k WHERE k::text LIKE '%{hidden}%'"));
    }

    private sealed class Tee(TextWriter inner, StringBuilder copy) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (copy)
            {
                copy.Append(value);
            }

            inner.Write(value);
        }

        public override void Write(string? value)
        {
            lock (copy)
            {
                copy.Append(value);
            }

            inner.Write(value);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "Console capture";
}
