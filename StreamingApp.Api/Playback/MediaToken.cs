using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamingApp.Api.Playback;

/// <summary>
/// Signed, expiring access to stored media served by the Api itself: <c>scope</c> (a key prefix or a key),
/// <c>exp</c> (Unix seconds) and <c>sig</c>, an HMAC-SHA256 over both. A request is admitted when its key lies
/// under the scope, the expiry is in the future and the signature matches.
/// </summary>
public sealed class MediaToken(byte[] key, TimeProvider time)
{
    public const string ScopeParameter = "scope";
    public const string ExpiryParameter = "exp";
    public const string SignatureParameter = "sig";

    public string CreateQuery(string scope, DateTimeOffset expiresAt)
    {
        var expiry = expiresAt.ToUnixTimeSeconds();
        return $"{ScopeParameter}={Uri.EscapeDataString(scope)}&{ExpiryParameter}={expiry.ToString(CultureInfo.InvariantCulture)}&{SignatureParameter}={Signature(scope, expiry)}";
    }

    public MediaTokenCheck Check(string key, string? scope, string? expiry, string? signature)
    {
        if (string.IsNullOrEmpty(scope) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expirySeconds))
        {
            return MediaTokenCheck.Missing;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(scope, expirySeconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return MediaTokenCheck.Invalid;
        }

        if (!IsWithinScope(key, scope))
        {
            return MediaTokenCheck.OutOfScope;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() < expirySeconds ? MediaTokenCheck.Valid : MediaTokenCheck.Expired;
    }

    private static bool IsWithinScope(string key, string scope) =>
        scope.EndsWith('/') ? key.StartsWith(scope, StringComparison.Ordinal) : key == scope;

    private string Signature(string scope, long expiry)
    {
        var payload = Encoding.UTF8.GetBytes($"{scope}\n{expiry.ToString(CultureInfo.InvariantCulture)}");
        return Base64UrlEncode(HMACSHA256.HashData(key, payload));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public enum MediaTokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
    OutOfScope,
}

/// <summary>Signs URLs to the Api's own media endpoint, whose path is the media key itself (<c>/media/{id}/v1/...</c>).</summary>
public sealed class ApiMediaUrlSigner(MediaToken token, MediaSigningOptions options) : IMediaUrlSigner
{
    public string Sign(string scope, string key, DateTimeOffset expiresAt) =>
        $"{options.PublicBaseUrl?.TrimEnd('/')}/{key}?{token.CreateQuery(scope, expiresAt)}";
}
