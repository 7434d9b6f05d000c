using System.Buffers;
using System.Security.Cryptography;
using BrandAutomator.Domain.Links;

namespace BrandAutomator.Application.Links;

/// <summary>Makes short link codes: 10 random base-62 characters (59 bits), so that codes cannot be enumerated.</summary>
public static class ShortLinkCodes
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, ShortLink.CodeLength);

    /// <summary>Whether a presented value has the shape of a code at all (checked before any lookup).</summary>
    public static bool LooksLikeCode(string? value) =>
        value is { Length: ShortLink.CodeLength } && value.AsSpan().IndexOfAnyExcept(AlphabetValues) < 0;
}
