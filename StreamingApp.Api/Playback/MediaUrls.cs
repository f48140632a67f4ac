using Microsoft.Extensions.Caching.Memory;

namespace StreamingApp.Api.Playback;

/// <summary>
/// Signed URLs for a video's media. Within one signing step the same object gets the same URL, so results are
/// cached here and listings do not pay for a signature per item.
/// </summary>
public sealed class MediaUrls(IMediaUrlSigner signer, SigningWindow window, IMemoryCache cache)
{
    public const string MasterPlaylist = "master.m3u8";

    /// <summary>The thumbnail alone (its own scope, so a catalog visitor gets no access to the stream).</summary>
    public string? Thumbnail(Video video) =>
        video.ThumbnailKey is { } key ? Cached(key, key, window.NextExpiry()) : null;

    /// <summary>Everything a player needs, signed over the video's current media folder.</summary>
    public PlaybackUrls Playback(Video video)
    {
        var prefix = video.MediaPrefix ?? throw new InvalidOperationException($"Video {video.Id} has no media yet.");
        var expiresAt = window.NextExpiry();
        return new PlaybackUrls(
            Cached(prefix, prefix + MasterPlaylist, expiresAt),
            video.ThumbnailKey is { } thumbnail ? Cached(prefix, thumbnail, expiresAt) : null,
            video.StoryboardKey is { } storyboard ? Cached(prefix, storyboard, expiresAt) : null,
            expiresAt);
    }

    private string Cached(string scope, string key, DateTimeOffset expiresAt) =>
        cache.GetOrCreate((nameof(MediaUrls), scope, key, expiresAt), entry =>
        {
            entry.AbsoluteExpiration = expiresAt;
            return signer.Sign(scope, key, expiresAt);
        })!;
}

public sealed record PlaybackUrls(string HlsUrl, string? ThumbnailUrl, string? StoryboardUrl, DateTimeOffset ExpiresAt);
