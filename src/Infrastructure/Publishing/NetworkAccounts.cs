using System.Text.Json.Nodes;
using BrandAutomator.Application.Social;

namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>Who a token speaks for, read from each network's own answer (the lookups themselves are in <see cref="OAuthAuthorizationServer"/>).</summary>
internal static class NetworkAccounts
{
    public static List<DiscoveredAccount> LinkedIn(JsonObject me)
    {
        // OpenID Connect userinfo: "sub" is the member id; posts are authored as urn:li:person:{sub}.
        var sub = PlatformHttp.String(me["sub"]);
        return string.IsNullOrEmpty(sub) ? [] : [new DiscoveredAccount($"urn:li:person:{sub}", PlatformHttp.String(me["name"]) ?? sub, null)];
    }

    public static List<DiscoveredAccount> X(JsonObject me)
    {
        var data = me["data"] as JsonObject;
        var id = PlatformHttp.String(data?["id"]);
        var username = PlatformHttp.String(data?["username"]);
        return string.IsNullOrEmpty(id)
            ? []
            : [new DiscoveredAccount(id, PlatformHttp.String(data?["name"]) ?? username ?? id, username is { Length: > 0 } ? $"https://x.com/{username}" : null)];
    }

    public static List<DiscoveredAccount> Pages(JsonObject body) =>
        (body["data"] as JsonArray ?? []).OfType<JsonObject>()
        .Where(p => PlatformHttp.String(p["id"]) is { Length: > 0 })
        .Select(p => new DiscoveredAccount(
            PlatformHttp.String(p["id"])!, PlatformHttp.String(p["name"]) ?? "", PlatformHttp.String(p["link"]) ?? $"https://www.facebook.com/{PlatformHttp.String(p["id"])}",
            PlatformHttp.String(p["access_token"]) is { Length: > 0 } t ? t : null))
        .ToList();

    public static List<DiscoveredAccount> InstagramAccounts(JsonObject body) =>
        (body["data"] as JsonArray ?? []).OfType<JsonObject>()
        .Where(p => PlatformHttp.String(p["instagram_business_account"]?["id"]) is { Length: > 0 })
        .Select(p =>
        {
            var ig = p["instagram_business_account"]!;
            var username = PlatformHttp.String(ig["username"]);
            return new DiscoveredAccount(
                PlatformHttp.String(ig["id"])!, username ?? PlatformHttp.String(p["name"]) ?? "",
                username is { Length: > 0 } ? $"https://www.instagram.com/{username}" : null,
                PlatformHttp.String(p["access_token"]) is { Length: > 0 } t ? t : null);
        })
        .ToList();

    /// <summary>YouTube's <c>channels?part=snippet&amp;mine=true</c>: the channel (or channels) the Google account owns.</summary>
    public static List<DiscoveredAccount> YouTube(JsonObject body) =>
        (body["items"] as JsonArray ?? []).OfType<JsonObject>()
        .Where(c => PlatformHttp.String(c["id"]) is { Length: > 0 })
        .Select(c =>
        {
            var id = PlatformHttp.String(c["id"])!;
            var handle = PlatformHttp.String(c["snippet"]?["customUrl"]);
            return new DiscoveredAccount(id, PlatformHttp.String(c["snippet"]?["title"]) ?? handle ?? id,
                handle is { Length: > 0 } ? $"https://www.youtube.com/{handle}" : $"https://www.youtube.com/channel/{id}");
        })
        .ToList();

    /// <summary>TikTok's <c>GET /v2/user/info/</c>: the creator, by their <c>open_id</c> (what the token speaks for).</summary>
    public static List<DiscoveredAccount> TikTok(JsonObject body)
    {
        var user = body["data"]?["user"];
        var id = PlatformHttp.String(user?["open_id"]);
        return string.IsNullOrEmpty(id) ? [] : [new DiscoveredAccount(id, PlatformHttp.String(user?["display_name"]) is { Length: > 0 } name ? name : id, null)];
    }

    /// <summary>Pinterest's <c>GET /v5/user_account</c>: one account, its id (or, from older answers, its username).</summary>
    public static List<DiscoveredAccount> Pinterest(JsonObject account)
    {
        var username = PlatformHttp.String(account["username"]);
        var id = PlatformHttp.String(account["id"]) is { Length: > 0 } given ? given : username;
        return string.IsNullOrEmpty(id)
            ? []
            : [new DiscoveredAccount(id, PlatformHttp.String(account["business_name"]) is { Length: > 0 } business ? business : username ?? id,
                username is { Length: > 0 } ? $"https://www.pinterest.com/{Uri.EscapeDataString(username)}/" : null)];
    }
}
