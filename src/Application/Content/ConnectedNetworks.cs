using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Content;

/// <summary>
/// Refuses to schedule (or publish now) a post to a network it cannot go out on: a post that is "scheduled" but has no
/// working account would only fail at its time, hours later, when nobody is looking. Refusing at once names the
/// networks while the author can still connect them or take them off the post; the post itself is kept as it was.
/// </summary>
internal static class ConnectedNetworks
{
    /// <summary>Throws, on the first such variant's network field, naming every network of the post without a working account.</summary>
    public static void Ensure(ContentItem item, IReadOnlyList<SocialConnection> connections, DateTimeOffset now, string verb)
    {
        var missing = new List<(int Index, SocialPlatform Platform, SocialConnection? Broken)>();
        for (var i = 0; i < item.Variants.Count; i++)
        {
            var platform = item.Variants[i].Platform;
            if (missing.Any(m => m.Platform == platform))
            {
                continue;
            }

            var chosen = SocialConnection.ChooseForPost(connections, platform, item.CompanyId);
            // The same choice as the publishing run makes: if that account does not work, the post would fail.
            if (chosen is null || !chosen.CanCarryPostsAt(now))
            {
                missing.Add((i, platform, chosen));
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var names = missing.Select(m => m.Platform.DisplayName()).ToList();
        var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        var message = missing.All(m => m.Broken is not null)
            ? $"{list} {(names.Count == 1 ? "needs" : "need")} reconnecting: the access to the account no longer works. Reconnect {list}, or take {(names.Count == 1 ? "it" : "them")} off this post, to {verb} it."
            : $"{list} {(names.Count == 1 ? "is" : "are")} not connected: connect {(names.Count == 1 ? $"a {list} account" : $"accounts on {list}")}, or take {(names.Count == 1 ? "it" : "them")} off this post, to {verb} it.";
        throw new DomainRuleException(message, $"variants[{missing[0].Index}].platform");
    }
}
