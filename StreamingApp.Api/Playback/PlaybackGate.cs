using StreamingApp.Api.Access;
using StreamingApp.Api.Apis;
using StreamingApp.Api.Regions;
using StreamingApp.Api.Telemetry;

namespace StreamingApp.Api.Playback;

/// <summary>
/// Whether a viewer may play a video here and now: visible to them, licensed in their country, and ready. The
/// playback endpoint and watch parties (creating, joining, connecting) apply exactly these checks, in this order.
/// </summary>
public sealed class PlaybackGate(IVideoStore videos, ViewerCountryResolver countries, ApiMetrics metrics)
{
    /// <param name="surface">Where the check happens, for the region-block metric: <c>playback</c> or <c>party</c>.</param>
    public async Task<PlaybackCheck> CheckAsync(string videoId, ApiUser user, HttpContext context, string surface, CancellationToken cancellationToken)
    {
        var video = await videos.GetAsync(videoId, cancellationToken);
        if (video is null || !user.CanSee(video))
        {
            return new PlaybackCheck(null, PlaybackDenial.NotFound, null);
        }

        var country = countries.Resolve(context);
        if (!RegionRules.IsAllowed(video, country))
        {
            metrics.RegionBlocked(surface);
            return new PlaybackCheck(video, PlaybackDenial.UnavailableInRegion, country);
        }

        return video.Status != VideoStatus.Ready || video.MediaPrefix is null
            ? new PlaybackCheck(video, PlaybackDenial.NotReady, country)
            : new PlaybackCheck(video, PlaybackDenial.None, country);
    }
}

public enum PlaybackDenial
{
    None,
    NotFound,
    UnavailableInRegion,
    NotReady,
}

/// <param name="Video">The video, unless it is not visible to the viewer.</param>
public sealed record PlaybackCheck(Video? Video, PlaybackDenial Denial, string? Country)
{
    /// <summary>The problem to answer over HTTP; <c>null</c> when playback is allowed.</summary>
    public ProblemHttpResult? Problem => Denial switch
    {
        PlaybackDenial.NotFound => Problems.NotFound(),
        PlaybackDenial.UnavailableInRegion => Problems.UnavailableInRegion(Country),
        PlaybackDenial.NotReady => Problems.NotReady(Video!.Status),
        _ => null,
    };
}
