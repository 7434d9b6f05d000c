using BrandAutomator.Domain.Drive;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Drive;

/// <summary>The Drive connection's health in words, as the social connections' warnings say theirs (<see cref="Social.ConnectionWarnings"/>).</summary>
public static class DriveHealth
{
    /// <summary>What is wrong and what to do, or null when the connection works.</summary>
    public static string? Message(DriveConnection connection, DateTimeOffset now)
    {
        var reason = connection.StatusReason is { Length: > 0 } r ? $" ({r})" : "";
        return connection.HealthAt(now) switch
        {
            ConnectionHealth.Ok => null,
            ConnectionHealth.Expired => $"The access to Google Drive as {connection.Account} has expired. Connect Google Drive again.",
            ConnectionHealth.Revoked => $"Google has withdrawn the access to Drive as {connection.Account}{reason}. Connect Google Drive again.",
            _ => $"Google Drive refuses the access as {connection.Account}{reason}. Connect Google Drive again.",
        };
    }

    /// <summary>A short word for the state, for a badge.</summary>
    public static string Label(DriveConnection connection, DateTimeOffset now) => connection.HealthAt(now) switch
    {
        ConnectionHealth.Ok => "Healthy",
        ConnectionHealth.Expired => "Expired",
        ConnectionHealth.Revoked => "Access withdrawn",
        _ => "Needs reconnecting",
    };
}
