using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BrandAutomator.TestSupport;

namespace BrandAutomator.WebApi.Tests.Tenants;

internal static partial class TeamHelpers
{
    /// <summary>The admin invites a new address; the invitee reads the link from the outbox and accepts it.</summary>
    public static async Task<Account> InviteAndAcceptAsync(ApiFactory factory, Account admin, string role, string? email = null)
    {
        email ??= ApiClient.UniqueEmail(role);
        var invite = await admin.Client.PostAsJsonAsync($"/api/v1/tenants/{admin.TenantId}/users/invite", new { email, role });
        await invite.EnsureStatusAsync(HttpStatusCode.Created);
        var token = await ReadInvitationTokenAsync(factory, email);

        var accept = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/accept-invite",
            new { token, password = ApiClient.GoodPassword, fullName = $"Invited {role}" });
        await accept.EnsureStatusAsync(HttpStatusCode.OK);
        return await factory.AccountFromAsync(accept, email, ApiClient.GoodPassword);
    }

    public static async Task<string> ReadInvitationTokenAsync(ApiFactory factory, string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(factory.OutboxDirectory))
            {
                foreach (var file in Directory.GetFiles(factory.OutboxDirectory, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && TokenPattern().Match(text) is { Success: true } match)
                    {
                        return Uri.UnescapeDataString(match.Groups[1].Value);
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No invitation for {email} in {factory.OutboxDirectory}.");
    }

    [GeneratedRegex(@"accept-invite\?token=([A-Za-z0-9\-_%]+)")]
    private static partial Regex TokenPattern();
}
