using System.Text.Json.Nodes;

namespace BrandAutomator.WebApi.Tests.Hardening;

/// <summary>
/// Values an attacker sends, chosen from a seeded generator so that a failing case can be replayed: control and
/// NUL characters, lone surrogates, bidi overrides, 1 MB strings, numbers at and past the limits, wrong JSON types,
/// SQL and HTML fragments; now and then a plausible value, so that requests also get past the first check.
/// </summary>
public sealed class HostileValues(Random random)
{
    /// <summary>Stands for a lone high surrogate: a .NET JSON writer will not write one, so it is put in as an escape.</summary>
    public const string LoneHigh = "\u27eaD800\u27eb";

    public const string LoneLow = "\u27eaDC00\u27eb";

    private static readonly string OneMegabyte = new('x', 1_048_576);

    private static readonly string[] Texts =
    [
        "\0", "a\0b", LoneHigh, "x" + LoneLow + "y", "\ud83d\ude00" + LoneHigh, "\u202eevil\u202c", "\u2066isolate\u2069", "\u0001\u0002\u001f", "\r\n\r\n",
        "' OR 1=1 --", "'; DROP TABLE tenants; --", "\"", "\\", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "%00", "%", "", " ", "\u00a0", "😀👩‍👩‍👧", "ﷺ", "\ufeff", "\uffff",
        "null", "true", "-1", "1e309", "0x7fffffff", "2026-13-45T25:61:61Z", "00000000-0000-0000-0000-000000000000",
        "admin", "editor", "x", "linkedIn", "https://example.com/", "javascript:alert(1)", "user@example.com",
    ];

    private static readonly JsonNode?[] Numbers =
    [
        0, -1, 1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1e308, -1e308, 0.5, 2147483648L, -2147483649L,
    ];

    /// <summary>A hostile string; one time in twelve a megabyte of it.</summary>
    public string Text() => random.Next(12) == 0 ? OneMegabyte + Texts[random.Next(Texts.Length)] : Texts[random.Next(Texts.Length)];

    /// <summary>A short hostile string for a URL or a header (no megabytes there: the server's URL limit answers first).</summary>
    public string ShortText() => Texts[random.Next(Texts.Length)];

    public JsonNode? Number() => random.Next(6) == 0 ? WrongType() : Numbers[random.Next(Numbers.Length)]?.DeepClone();

    /// <summary>A JSON value of some other type than the schema asks for.</summary>
    public JsonNode? WrongType() => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(Text()),
        3 => new JsonObject { ["nested"] = Text() },
        4 => new JsonArray(Text(), 1, null),
        _ => JsonValue.Create(random.NextDouble() * 1e300),
    };

    /// <summary>The JSON text with the placeholders as the lone-surrogate escapes they stand for.</summary>
    public static string InJson(string json) => json.Replace(LoneHigh, "\\ud800", StringComparison.Ordinal).Replace(LoneLow, "\\udc00", StringComparison.Ordinal);

    /// <summary>The text with the placeholders as the lone surrogates they stand for.</summary>
    public static string InText(string text) => text.Replace(LoneHigh, "\ud800", StringComparison.Ordinal).Replace(LoneLow, "\udc00", StringComparison.Ordinal);

    public bool Chance(int inN) => random.Next(inN) == 0;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
