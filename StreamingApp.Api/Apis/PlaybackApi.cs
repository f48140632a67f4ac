using System.Security.Claims;
using StreamingApp.Api.Access;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Regions;

namespace StreamingApp.Api.Apis;

public static class PlaybackApi
{
    public static RouteGroupBuilder MapPlaybackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Playback");

        api.MapGet($"/{{id:{VideosApi.IdPattern}}}/playback", GetPlayback)
            .WithName(nameof(GetPlayback))
            .WithSummary("Short-lived signed URLs to play a ready video")
            .WithDescription("409 while the video is not ready; 451 where it is not licensed.")
            .RequireAuthorization();

        return api;
    }

    public static async Task<Results<Ok<PlaybackUrls>, ProblemHttpResult>> GetPlayback(
        string id, [AsParameters] VideoServices services, ClaimsPrincipal principal, HttpContext context)
    {
        var video = await services.Videos.GetAsync(id, context.RequestAborted);
        if (video is null || !ApiUser.From(principal).CanSee(video))
        {
            return Problems.NotFound();
        }

        var country = services.Countries.Resolve(context);
        if (!RegionRules.IsAllowed(video, country))
        {
            services.Metrics.RegionBlocked("playback");
            return Problems.UnavailableInRegion(country);
        }

        if (video.Status != VideoStatus.Ready || video.MediaPrefix is null)
        {
            return Problems.NotReady(video.Status);
        }

        await services.Videos.IncrementViewCountAsync(video.Id, context.RequestAborted);
        services.Metrics.PlaybackSession();
        return TypedResults.Ok(services.Urls.Playback(video));
    }
}
