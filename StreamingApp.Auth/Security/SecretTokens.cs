using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StreamingApp.Auth.Security;

/// <summary>Random bearer secrets (refresh tokens, email links) and the hashes they are stored and looked up by.</summary>
public static class SecretTokens
{
    /// <summary>Longest token value accepted in a request; ours are 43 characters.</summary>
    public const int MaxLength = 128;

    /// <summary>256 random bits, base64url without padding.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256: a stolen database row cannot be turned back into a usable token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two secrets in time that does not depend on where they differ.</summary>
    public static bool AreEqual(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
