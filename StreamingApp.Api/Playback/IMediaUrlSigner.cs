namespace StreamingApp.Api.Playback;

/// <summary>Produces short-lived URLs through which browsers fetch stored media.</summary>
public interface IMediaUrlSigner
{
    /// <summary>
    /// A URL for <paramref name="key"/> whose signature also admits every other object under <paramref name="scope"/>
    /// (a key prefix such as <c>media/{id}/v1/</c>, or the key itself) until <paramref name="expiresAt"/>.
    /// </summary>
    string Sign(string scope, string key, DateTimeOffset expiresAt);
}

/// <summary>Rounds expiries up to a step so identical requests within a step get identical, cacheable URLs.</summary>
public sealed class SigningWindow(TimeProvider time, PlaybackOptions options)
{
    public DateTimeOffset NextExpiry()
    {
        var earliest = time.GetUtcNow() + options.UrlLifetime;
        var step = options.SigningGranularity.Ticks;
        return new DateTimeOffset((earliest.UtcTicks + step - 1) / step * step, TimeSpan.Zero);
    }
}
