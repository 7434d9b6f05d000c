using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

/// <summary>What members are told about a network this server has no app registered for: words, never setting names.</summary>
public static class NetworkAvailability
{
    /// <summary>Why a network cannot be connected, for the people who can get it fixed.</summary>
    public static string UnavailableNote(SocialPlatform platform) =>
        $"{platform.DisplayName()} is not set up on this server yet. Whoever runs the server has to register an app with " +
        $"{platform.DisplayName()} and add its client id and secret to the server's settings; then accounts can be connected here.";
}
