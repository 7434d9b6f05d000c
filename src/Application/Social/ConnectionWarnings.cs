using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

/// <summary>A connection that needs attention, with what to do about it.</summary>
public sealed record ConnectionWarningDto(
    Guid? ConnectionId, SocialPlatform Platform, string? DisplayName, ConnectionHealth Health, DateTimeOffset? ExpiresAt,
    string Message, string Action);

/// <summary>Which connection a post will use on each network, and the warnings that follow from its health.</summary>
public static class ConnectionWarnings
{
    public static ConnectionWarningDto? For(SocialConnection connection, DateTimeOffset now)
    {
        var health = connection.HealthAt(now);
        var network = connection.Platform.DisplayName();
        var name = $"{network} account \"{connection.DisplayName}\"";
        var days = connection.ExpiresAt is { } at ? Math.Max(0, (int)Math.Ceiling((at - now).TotalDays)) : 0;
        return health switch
        {
            ConnectionHealth.Ok => null,
            ConnectionHealth.Expiring => Warning(connection, health,
                $"The {name} stops working in {(days <= 1 ? "less than a day" : $"{days} days")}, and {network} gave no way to renew it.",
                $"Reconnect {network} before it expires."),
            ConnectionHealth.Expired => Warning(connection, health,
                $"The access to the {name} has expired.", $"Reconnect {network}."),
            ConnectionHealth.Revoked => Warning(connection, health,
                $"{network} has withdrawn the access to the {name}{Reason(connection)}.", $"Reconnect {network}."),
            _ => Warning(connection, health,
                $"{network} refuses the access of the {name}{Reason(connection)}.", $"Reconnect {network}."),
        };
    }

    /// <summary>
    /// The warnings of a scheduled post: for each of its networks, the connection publishing will use (the post's
    /// company first, then one for every company, the newest) if it needs attention, or the lack of one.
    /// </summary>
    public static IReadOnlyList<ConnectionWarningDto> ForPost(Content.ContentEntry item, IReadOnlyList<SocialConnection> connections, DateTimeOffset now)
    {
        if (item.State != ContentState.Scheduled)
        {
            return [];
        }

        var warnings = new List<ConnectionWarningDto>();
        foreach (var platform in item.Variants.Select(v => v.Platform).Distinct())
        {
            var connection = Used(connections, platform, item.CompanyId)
                ?? connections.Where(c => c.Platform == platform).OrderByDescending(c => c.UpdatedAt).FirstOrDefault();
            if (connection is null)
            {
                warnings.Add(new ConnectionWarningDto(null, platform, null, ConnectionHealth.NotConnected, null,
                    $"No {platform.DisplayName()} account is connected: this post cannot go out there.", $"Connect {platform.DisplayName()}."));
            }
            else if (For(connection, now) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return warnings;
    }

    /// <summary>The connection publishing picks (the same order as the publishing job).</summary>
    public static SocialConnection? Used(IEnumerable<SocialConnection> connections, SocialPlatform platform, Guid? companyId) =>
        connections
            .Where(c => c.Platform == platform && c.Status != ConnectionStatus.Revoked)
            .OrderByDescending(c => c.CompanyId == companyId).ThenByDescending(c => c.CompanyId == null).ThenByDescending(c => c.UpdatedAt)
            .FirstOrDefault();

    private static ConnectionWarningDto Warning(SocialConnection c, ConnectionHealth health, string message, string action) =>
        new(c.Id, c.Platform, c.DisplayName, health, c.ExpiresAt, message, action);

    private static string Reason(SocialConnection c) => c.StatusReason is { Length: > 0 } reason ? $" ({reason})" : "";
}
