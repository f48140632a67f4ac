namespace StreamingApp.Api.Playback;

public sealed class PlaybackOptions
{
    public const string SectionName = "Playback";

    /// <summary>How long a signed media URL stays valid (at least this long; see <see cref="SigningWindow"/>).</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Expiries are rounded up to this step so that URLs signed within one step are identical: they can be
    /// cached by the Api and the browser, and signing stays off the hot path of catalog listings.
    /// </summary>
    public TimeSpan SigningGranularity { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class CdnOptions
{
    public const string SectionName = "Cdn";

    /// <summary>CloudFront distribution URL, for example https://d111111abcdef8.cloudfront.net.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Id of the CloudFront public key (in the distribution's trusted key group).</summary>
    public string? KeyPairId { get; set; }

    /// <summary>RSA private key, PEM, matching that public key; from a secret store, never from a file in the repository.</summary>
    public string? PrivateKeyPem { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(KeyPairId) && !string.IsNullOrWhiteSpace(PrivateKeyPem);
}

public sealed class MediaSigningOptions
{
    public const string SectionName = "Media:Signing";

    /// <summary>Base64 HMAC key (at least 32 bytes) for Api-served media URLs; generated under the data folder when unset.</summary>
    public string? Key { get; set; }

    /// <summary>Absolute base of the Api as browsers reach it; unset means relative <c>/media/...</c> URLs.</summary>
    public string? PublicBaseUrl { get; set; }
}
