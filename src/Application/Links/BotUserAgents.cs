namespace BrandAutomator.Application.Links;

/// <summary>
/// Crawlers and link-preview fetchers, by their user agent: the networks fetch every link of a post to draw its card,
/// chat apps unfurl links, and none of that is a person clicking. A missing user agent counts as a bot too.
/// </summary>
public static class BotUserAgents
{
    /// <summary>Case-insensitive pieces of the user agents that are not people (kept in sync with what the networks send).</summary>
    public static readonly IReadOnlyList<string> Patterns =
    [
        // The networks' own preview fetchers. Their in-app browsers (LinkedInApp, FBAN, Instagram, TikTok) are people: not listed.
        "LinkedInBot", "Twitterbot", "facebookexternalhit", "facebookcatalog", "Facebot", "meta-externalagent", "Pinterestbot",
        "Pinterest/0.", "redditbot", "TelegramBot", "WhatsApp/", "Slackbot", "Slack-ImgProxy", "Discordbot", "SkypeUriPreview",
        "MicrosoftPreview", "Iframely", "Embedly", "vkShare", "Mastodon/", "Cardyb", "Google-PageRenderer", "Google-InspectionTool", "GoogleOther", "Applebot",
        // Search engines, SEO tools and monitors.
        "Googlebot", "AdsBot-Google", "Mediapartners-Google", "APIs-Google", "FeedFetcher-Google", "bingbot", "BingPreview",
        "msnbot", "DuckDuckBot", "YandexBot", "Baiduspider", "Sogou", "Exabot", "SeznamBot", "PetalBot", "AhrefsBot",
        "SemrushBot", "MJ12bot", "DotBot", "rogerbot", "Screaming Frog", "UptimeRobot", "Pingdom", "StatusCake",
        "GPTBot", "ChatGPT-User", "OAI-SearchBot", "ClaudeBot", "Claude-User", "anthropic-ai", "PerplexityBot", "Bytespider",
        "CCBot", "Amazonbot", "YisouSpider",
        // Libraries and tools, not browsers.
        "curl/", "Wget/", "python-requests", "python-urllib", "aiohttp", "Go-http-client", "okhttp", "Java/", "Apache-HttpClient",
        "node-fetch", "axios/", "libwww-perl", "HeadlessChrome", "PhantomJS", "Lighthouse",
        // The generic markers.
        "bot", "crawler", "spider", "preview", "scraper", "fetcher",
    ];

    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) || Patterns.Any(p => userAgent.Contains(p, StringComparison.OrdinalIgnoreCase));
}
