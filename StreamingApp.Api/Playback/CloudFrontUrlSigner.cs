using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamingApp.Api.Playback;

/// <summary>
/// CloudFront signed URLs with a custom policy, following AWS's documented algorithm: the policy JSON without
/// whitespace, signed with RSA PKCS#1 v1.5 over SHA-1, both base64 encoded with <c>+</c>→<c>-</c>,
/// <c>=</c>→<c>_</c>, <c>/</c>→<c>~</c>, sent as <c>Policy</c>, <c>Signature</c> and <c>Key-Pair-Id</c>.
/// The policy's resource ends with <c>*</c> over the scope, so one signature covers every segment.
/// </summary>
public sealed class CloudFrontUrlSigner : IMediaUrlSigner, IDisposable
{
    private readonly string _baseUrl;
    private readonly string _keyPairId;
    private readonly RSA _key;

    public CloudFrontUrlSigner(CdnOptions options)
    {
        _baseUrl = options.BaseUrl!.TrimEnd('/');
        _keyPairId = options.KeyPairId!;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(options.PrivateKeyPem);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException("Cdn:PrivateKeyPem is not a PEM-encoded RSA private key.", exception);
        }
    }

    public string Sign(string scope, string key, DateTimeOffset expiresAt)
    {
        var resource = scope.EndsWith('/') ? $"{_baseUrl}/{scope}*" : $"{_baseUrl}/{scope}";
        var policy = Policy(resource, expiresAt);
        var signature = _key.SignData(Encoding.UTF8.GetBytes(policy), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        return $"{_baseUrl}/{key}?Policy={CloudFrontBase64(Encoding.UTF8.GetBytes(policy))}&Signature={CloudFrontBase64(signature)}&Key-Pair-Id={Uri.EscapeDataString(_keyPairId)}";
    }

    /// <summary>The custom policy exactly as CloudFront expects it: no whitespace, epoch seconds.</summary>
    public static string Policy(string resource, DateTimeOffset expiresAt) =>
        "{\"Statement\":[{\"Resource\":\"" + resource.Replace("\"", "%22", StringComparison.Ordinal)
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
        + expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "}}}]}";

    public static string CloudFrontBase64(byte[] bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('=', '_').Replace('/', '~');

    public void Dispose() => _key.Dispose();
}
