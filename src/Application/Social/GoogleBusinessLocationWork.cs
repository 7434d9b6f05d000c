using System.Text.Json;
using System.Text.RegularExpressions;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

public static class GoogleBusinessLocationWork
{
    /// <summary>Location.profile.description: at most 750 characters.</summary>
    public const int MaxDescription = 750;

    /// <summary><c>accounts/{a}</c> from a connection's account id (<c>accounts/{a}</c> or <c>accounts/{a}/locations/{l}</c>).</summary>
    public static string? AccountOf(string externalAccountId)
    {
        var parts = externalAccountId.Trim('/').Split('/');
        var account = parts.Length >= 2 ? $"{parts[0]}/{parts[1]}" : null;
        return account is not null && GoogleBusinessLocation.IsAccountName(account) ? account : null;
    }

    public static LocationDraft Draft(GoogleBusinessLocation location) =>
        JsonSerializer.Deserialize<LocationDraft>(location.LocationJson, JsonSerializerOptions.Web)!;
}
