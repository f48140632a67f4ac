using System.Security.Cryptography;
using OtpNet;
using QRCoder;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.TwoFactor;

/// <summary>
/// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s steps, as every authenticator app supports) and
/// single-use recovery codes. Secrets are stored encrypted; recovery codes only as SHA-256 hashes.
/// </summary>
public sealed class TotpAuthenticator(KeyEncryption encryption, TimeProvider time)
{
    public const string IssuerName = "StreamingApp";
    public const int RecoveryCodeCount = 10;

    /// <summary>Longest code accepted in a request (a recovery code with its dash is 11 characters).</summary>
    public const int MaxCodeLength = 32;

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public string Protect(byte[] secret, string userId) => encryption.Protect(secret, Purpose(userId));

    public byte[] Unprotect(string protectedSecret, string userId) => encryption.Unprotect(protectedSecret, Purpose(userId));

    public static string ProvisioningUri(string email, byte[] secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(IssuerName)}:{Uri.EscapeDataString(email)}" +
        $"?secret={Base32Encoding.ToString(secret).TrimEnd('=')}&issuer={Uri.EscapeDataString(IssuerName)}&algorithm=SHA1&digits=6&period=30";

    public static string QrCodeDataUri(string provisioningUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(provisioningUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>
    /// Accepts a code of the current step or one step either side (clock drift), but only of a step after
    /// <paramref name="lastAcceptedStep"/>, so an observed code cannot be replayed.
    /// </summary>
    public bool TryVerify(byte[] secret, string code, long lastAcceptedStep, out long acceptedStep)
    {
        acceptedStep = 0;
        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(secret);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out acceptedStep, VerificationWindow.RfcSpecifiedNetworkDelay)
            && acceptedStep > lastAcceptedStep;
    }

    /// <summary>The code for the current step (what an authenticator app shows now).</summary>
    public string CurrentCode(byte[] secret) => new Totp(secret).ComputeTotp(time.GetUtcNow().UtcDateTime);

    /// <summary>New recovery codes such as <c>k7tq2-x9mfa</c> (50 random bits each) and the hashes to store.</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) NewRecoveryCodes()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var codes = Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => RandomNumberGenerator.GetString(alphabet, 5) + "-" + RandomNumberGenerator.GetString(alphabet, 5))
            .ToList();
        return (codes, codes.Select(HashRecoveryCode).ToList());
    }

    /// <summary>The index of the stored hash that <paramref name="code"/> matches, or -1; every hash is compared in constant time.</summary>
    public static int MatchRecoveryCode(IReadOnlyList<string> hashes, string code)
    {
        var candidate = HashRecoveryCode(code);
        var match = -1;
        for (var index = 0; index < hashes.Count; index++)
        {
            if (SecretTokens.AreEqual(hashes[index], candidate) && match < 0)
            {
                match = index;
            }
        }

        return match;
    }

    private static string HashRecoveryCode(string code) =>
        SecretTokens.Hash(code.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());

    private static string Purpose(string userId) => $"totp:{userId}";
}
