using System.Security.Claims;
using StreamingApp.Api.Access;
using StreamingApp.Api.History;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Regions;

namespace StreamingApp.Api.Apis;

public static class HistoryApi
{
    public const int MaxHistory = 100;

    /// <summary>Positions this close to the end count as finished, so the video leaves "continue watching".</summary>
    public const double FinishedWithinSeconds = 30;

    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("History").RequireAuthorization();

        api.MapPut($"/progress/{{videoId:{VideosApi.IdPattern}}}", SaveProgress)
            .WithName(nameof(SaveProgress))
            .WithSummary("Remember where the caller stopped in a video");

        api.MapGet("/history", GetHistory)
            .WithName(nameof(GetHistory))
            .WithSummary("The caller's recently watched videos with positions, newest first");

        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveProgress(
        string videoId, ProgressRequest request, [AsParameters] HistoryServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = ApiUser.From(principal);
        var video = await services.Videos.GetAsync(videoId, cancellationToken);
        if (video is null || !user.CanSee(video))
        {
            return Problems.NotFound();
        }

        if (request.Validate(video.DurationSeconds) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await services.History.SaveAsync(new WatchProgress(user.Id!, videoId, request.PositionSeconds, services.Time.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ValidationProblem>> GetHistory(
        int? limit, [AsParameters] HistoryServices services, ClaimsPrincipal principal, HttpContext context)
    {
        if (limit is < 1 or > MaxHistory)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Ask for 1 to {MaxHistory} entries."] });
        }

        var user = ApiUser.From(principal);
        var entries = await services.History.ListAsync(user.Id!, limit ?? 20, context.RequestAborted);
        var found = (await services.Videos.GetManyAsync(entries.Select(entry => entry.VideoId).ToList(), context.RequestAborted))
            .ToDictionary(video => video.Id);
        var country = services.Countries.Resolve(context);

        // Videos deleted, hidden or no longer licensed here drop out of the list.
        IReadOnlyList<HistoryEntry> visible = entries
            .Where(entry => found.TryGetValue(entry.VideoId, out var video) && user.CanSee(video) && RegionRules.IsAllowed(video, country))
            .Select(entry => HistoryEntry.From(entry, found[entry.VideoId], services.Urls))
            .ToList();
        return TypedResults.Ok(visible);
    }
}

public sealed record ProgressRequest(double PositionSeconds)
{
    public Dictionary<string, string[]> Validate(double? durationSeconds)
    {
        var errors = new Dictionary<string, string[]>();
        if (!double.IsFinite(PositionSeconds) || PositionSeconds < 0 || durationSeconds is { } duration && PositionSeconds > duration + 1)
        {
            errors["positionSeconds"] = ["The position is a number of seconds within the video."];
        }

        return errors;
    }
}

public sealed record HistoryEntry(VideoSummary Video, double PositionSeconds, DateTimeOffset UpdatedAt, bool Finished)
{
    public static HistoryEntry From(WatchProgress progress, Video video, MediaUrls urls) => new(
        VideoSummary.From(video, urls),
        progress.PositionSeconds,
        progress.UpdatedAt,
        video.DurationSeconds is { } duration && progress.PositionSeconds >= duration - HistoryApi.FinishedWithinSeconds);
}

public sealed class HistoryServices(IWatchHistoryStore history, IVideoStore videos, MediaUrls urls, ViewerCountryResolver countries, TimeProvider time)
{
    public MediaUrls Urls => urls;

    public ViewerCountryResolver Countries => countries;

    public IWatchHistoryStore History => history;

    public IVideoStore Videos => videos;

    public TimeProvider Time => time;
}
