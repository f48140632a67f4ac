using System.Security.Claims;
using StreamingApp.Api.Access;
using StreamingApp.Api.Playback;

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
        string id, [AsParameters] VideoServices services, PlaybackGate gate, ClaimsPrincipal principal, HttpContext context)
    {
        var check = await gate.CheckAsync(id, ApiUser.From(principal), context, "playback", context.RequestAborted);
        if (check.Problem is { } problem)
        {
            return problem;
        }

        var video = check.Video!;
        await services.Videos.IncrementViewCountAsync(video.Id, context.RequestAborted);
        services.Metrics.PlaybackSession();
        return TypedResults.Ok(services.Urls.Playback(video));
    }
}
