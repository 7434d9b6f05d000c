using System.Security.Cryptography;
using System.Text;
using BrandAutomator.Application.Common.Ports;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace BrandAutomator.Infrastructure.Identity;

/// <summary>
/// Two-factor sign-in on ASP.NET Core Identity: the authenticator key and the recovery codes live in the user's tokens
/// (<c>user_tokens</c>), <see cref="TotpAuthenticatorTokenProvider"/> checks codes. Recovery codes are stored as SHA-256
/// hashes (Identity's store would keep them as typed), so a copy of the database signs nobody in.
/// </summary>
public sealed class TwoFactorAccounts(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store) : ITwoFactorAccounts
{
    public const string Issuer = "AI Brand Automator";

    // No 0/o, 1/l/i: codes are read off paper.
    private const string RecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<AuthenticatorEnrolment> StartEnrolmentAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        // Saved now, so that a first sign-in's code updates a row under the user's concurrency stamp.
        ThrowIfFailed(await users.SetAuthenticationTokenAsync(user, TotpAuthenticatorTokenProvider.StoreName, TotpAuthenticatorTokenProvider.LastStepName, "0"));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period={TotpAuthenticatorTokenProvider.StepSeconds}";
        return new AuthenticatorEnrolment(FormatKey(key), uri, QrCodeSvg(uri));
    }

    public async Task<SecondFactorCheck> CheckAuthenticatorCodeAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        if (await users.IsLockedOutAsync(user))
        {
            return SecondFactorCheck.LockedOut;
        }

        if (await users.VerifyTwoFactorTokenAsync(user, TotpAuthenticatorTokenProvider.ProviderName, code))
        {
            await users.ResetAccessFailedCountAsync(user);
            return SecondFactorCheck.Accepted;
        }

        await users.AccessFailedAsync(user);
        return SecondFactorCheck.Refused;
    }

    public async Task<SecondFactorCheck> RedeemRecoveryCodeAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        if (await users.IsLockedOutAsync(user))
        {
            return SecondFactorCheck.LockedOut;
        }

        var normalised = Normalise(code);
        // Identity removes the code and saves under the concurrency stamp: a code used at the same moment twice wins once.
        if (normalised.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, Hash(normalised))).Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            return SecondFactorCheck.Accepted;
        }

        await users.AccessFailedAsync(await RequireAsync(userId));
        return SecondFactorCheck.Refused;
    }

    public async Task<IReadOnlyList<string>> EnableAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true));
        return await RenewRecoveryCodesAsync(userId, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        var codes = Enumerable.Range(0, ITwoFactorAccounts.RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await RecoveryStore.ReplaceCodesAsync(user, codes.Select(c => Hash(Normalise(c))), cancellationToken);
        ThrowIfFailed(await users.UpdateAsync(user));
        return codes;
    }

    public async Task<int> RecoveryCodesLeftAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.CountRecoveryCodesAsync(await RequireAsync(userId));

    public async Task DisableAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        // A new key nobody has seen (the phone's one dies) and a new security stamp; the recovery codes go too.
        ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        await RecoveryStore.ReplaceCodesAsync(user, [], cancellationToken);
        ThrowIfFailed(await users.UpdateAsync(user));
    }

    private IUserTwoFactorRecoveryCodeStore<ApplicationUser> RecoveryStore =>
        store as IUserTwoFactorRecoveryCodeStore<ApplicationUser>
        ?? throw new InvalidOperationException("The user store keeps no recovery codes.");

    private static string NewRecoveryCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(RecoveryAlphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static string Normalise(string code) =>
        new((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string Hash(string normalised) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    /// <summary>The key as apps show it: lower case, in groups of four.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    private static string QrCodeSvg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    private async Task<ApplicationUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"User {userId} does not exist.");

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException(
                "The account changed at the same moment: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
