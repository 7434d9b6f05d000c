using System.Collections.Frozen;
using FluentValidation;

namespace BrandAutomator.Application.Auth;

/// <summary>
/// Passwords as NIST SP 800-63B and OWASP ASVS 2.1 ask: 12 to 128 characters, no composition rules, and not one of
/// the commonly used passwords shipped with the product (compared case-insensitively).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter a password.")
            .MinimumLength(MinLength).WithMessage($"Use at least {MinLength} characters.")
            .MaximumLength(MaxLength).WithMessage($"Use at most {MaxLength} characters.")
            .Must(p => p is null || !IsCommon(p)).WithMessage("This password is too common. Choose one that is harder to guess.");

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("BrandAutomator.Application.Auth.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
