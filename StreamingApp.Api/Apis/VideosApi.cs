using StreamingApp.ServiceDefaults.Authentication;
using System.Security.Claims;
using StreamingApp.Api.Access;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Regions;
using StreamingApp.Api.Telemetry;

namespace StreamingApp.Api.Apis;

public static class VideosApi
{
    public const int MaxPageSize = 100;
    public const int FeaturedCount = 10;
    public const string IdPattern = "regex(^[0-9a-f]{{32}}$)";

    public static RouteGroupBuilder MapVideosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Videos");

        api.MapGet("/", ListVideos)
            .WithName(nameof(ListVideos))
            .WithSummary("Browse and search the public catalog")
            .WithDescription("Ready, public videos allowed in the viewer's country, newest or most popular first.")
            .CacheOutput(CatalogCache.PolicyName);

        api.MapGet("/featured", ListFeatured)
            .WithName(nameof(ListFeatured))
            .WithSummary("Featured videos for the home page hero")
            .CacheOutput(CatalogCache.PolicyName);

        api.MapGet("/mine", ListMine)
            .WithName(nameof(ListMine))
            .WithSummary("The caller's own videos in every status")
            .RequireAuthorization(Policies.Creator);

        api.MapGet($"/{{id:{IdPattern}}}", GetVideo)
            .WithName(nameof(GetVideo))
            .WithSummary("One video; owners and admins also see processing progress or the failure reason");

        api.MapPost("/", CreateVideo)
            .WithName(nameof(CreateVideo))
            .WithSummary("Create a video's catalog entry; its source is uploaded next")
            .RequireAuthorization(Policies.Creator);

        api.MapPatch($"/{{id:{IdPattern}}}", UpdateVideo)
            .WithName(nameof(UpdateVideo))
            .WithSummary("Edit metadata, visibility or country rules (owner or admin)")
            .RequireAuthorization();

        api.MapDelete($"/{{id:{IdPattern}}}", DeleteVideo)
            .WithName(nameof(DeleteVideo))
            .WithSummary("Delete a video and every stored object of it (owner or admin)")
            .RequireAuthorization();

        api.MapPut($"/{{id:{IdPattern}}}/featured", SetFeatured)
            .WithName(nameof(SetFeatured))
            .WithSummary("Feature or unfeature a video on the home page (admin)")
            .RequireAuthorization(Policies.Admin);

        return api;
    }

    public static async Task<Results<Ok<PagedResponse<VideoSummary>>, ValidationProblem>> ListVideos(
        [AsParameters] CatalogRequest request, [AsParameters] VideoServices services, HttpContext context)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await services.Videos.SearchAsync(request.ToQuery(services.Countries.Resolve(context)), context.RequestAborted);
        return TypedResults.Ok(services.Summaries(page));
    }

    public static async Task<Ok<IReadOnlyList<VideoSummary>>> ListFeatured([AsParameters] VideoServices services, HttpContext context)
    {
        var query = new CatalogQuery(Featured: true, PageSize: FeaturedCount, Country: services.Countries.Resolve(context));
        var page = await services.Videos.SearchAsync(query, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<VideoSummary>>(services.Summaries(page).Items);
    }

    public static async Task<Results<Ok<PagedResponse<VideoDetails>>, ValidationProblem>> ListMine(
        [AsParameters] PageRequest request, [AsParameters] VideoServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = ApiUser.From(principal);
        var page = await services.Videos.ListByOwnerAsync(user.Id!, request.PageNumber, request.Size, cancellationToken);
        return TypedResults.Ok(new PagedResponse<VideoDetails>(
            page.Items.Select(video => VideoDetails.From(video, services.Urls, withProcessing: true, availableHere: true)).ToList(),
            page.PageNumber, page.PageSize, page.Total));
    }

    public static async Task<Results<Ok<VideoDetails>, ProblemHttpResult>> GetVideo(
        string id, [AsParameters] VideoServices services, ClaimsPrincipal principal, HttpContext context)
    {
        var user = ApiUser.From(principal);
        var video = await services.Videos.GetAsync(id, context.RequestAborted);
        if (video is null || !user.CanSee(video))
        {
            return Problems.NotFound();
        }

        var country = services.Countries.Resolve(context);
        var availableHere = RegionRules.IsAllowed(video, country);
        if (!availableHere && !user.CanManage(video))
        {
            services.Metrics.RegionBlocked("details");
            return Problems.UnavailableInRegion(country);
        }

        return TypedResults.Ok(VideoDetails.From(video, services.Urls, withProcessing: user.CanManage(video), availableHere));
    }

    public static async Task<Results<Created<VideoDetails>, ValidationProblem>> CreateVideo(
        CreateVideoRequest request, [AsParameters] VideoServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        if (request.Validate(now.Year) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        VideoMetadata.TryParseGenre(request.Genre ?? nameof(Genre.Other), out var genre);
        var video = new Video
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            OwnerId = ApiUser.From(principal).Id!,
            Title = request.Title!.Trim(),
            Description = request.Description?.Trim() ?? string.Empty,
            Genre = genre,
            ReleaseYear = request.ReleaseYear,
            Tags = VideoMetadata.NormalizeTags(request.Tags ?? []),
            Visibility = EnumNames.TryParse<Visibility>(request.Visibility, out var visibility) ? visibility : Visibility.Public,
            AllowedCountries = VideoMetadata.NormalizeCountries(request.AllowedCountries ?? []),
            BlockedCountries = VideoMetadata.NormalizeCountries(request.BlockedCountries ?? []),
            Status = VideoStatus.AwaitingUpload,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var created = await services.Videos.CreateAsync(video, cancellationToken)
            ?? throw new InvalidOperationException($"Generated video id {video.Id} already exists.");
        return TypedResults.Created($"/api/videos/{created.Id}", VideoDetails.From(created, services.Urls, withProcessing: true, availableHere: true));
    }

    public static async Task<Results<Ok<VideoDetails>, ValidationProblem, ProblemHttpResult>> UpdateVideo(
        string id, UpdateVideoRequest request, [AsParameters] VideoServices services, ClaimsPrincipal principal, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var user = ApiUser.From(principal);
        var current = await services.Videos.GetAsync(id, cancellationToken);
        if (current is null || !user.CanManage(current))
        {
            return Problems.NotFound();
        }

        var now = services.Time.GetUtcNow();
        if (request.Validate(current, now.Year) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var updated = await services.Videos.ChangeAsync(id, video => request.ApplyTo(video, now), cancellationToken);
        return updated is null
            ? Problems.NotFound()
            : TypedResults.Ok(VideoDetails.From(updated, services.Urls, withProcessing: true, RegionRules.IsAllowed(updated, services.Countries.Resolve(context))));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteVideo(
        string id, [AsParameters] VideoServices services, VideoRemoval removal, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var video = await services.Videos.GetAsync(id, cancellationToken);
        if (video is null || !ApiUser.From(principal).CanManage(video))
        {
            return Problems.NotFound();
        }

        await removal.RemoveAsync(video, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetFeatured(
        string id, FeatureRequest request, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        var updated = await services.Videos.ChangeAsync(id, video => video with { Featured = request.Featured, UpdatedAt = now }, cancellationToken);
        return updated is null ? Problems.NotFound() : TypedResults.NoContent();
    }
}

/// <summary>What the video endpoints use, resolved from the container.</summary>
public sealed class VideoServices(
    IVideoStore videos, MediaUrls urls, ViewerCountryResolver countries, ApiMetrics metrics, TimeProvider time)
{
    public IVideoStore Videos => videos;

    public MediaUrls Urls => urls;

    public ViewerCountryResolver Countries => countries;

    public ApiMetrics Metrics => metrics;

    public TimeProvider Time => time;

    public PagedResponse<VideoSummary> Summaries(Page<Video> page) =>
        new(page.Items.Select(video => VideoSummary.From(video, urls)).ToList(), page.PageNumber, page.PageSize, page.Total);
}

public sealed record CatalogRequest(string? Genre, string? Q, string? Sort, int? Page, int? PageSize)
{
    public const int MaxQueryLength = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new PageRequest(Page, PageSize).Validate();
        VideoMetadata.ValidateGenreAndVisibility(Genre, null, errors);
        if (Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"Search text is limited to {MaxQueryLength} characters."];
        }

        if (Sort is not null and not "newest" and not "popular")
        {
            errors["sort"] = ["Sort by 'newest' or 'popular'."];
        }

        return errors;
    }

    public CatalogQuery ToQuery(string? country) => new(
        Text: Q,
        Genre: VideoMetadata.TryParseGenre(Genre, out var genre) ? genre : null,
        Sort: Sort == "popular" ? CatalogSort.Popular : CatalogSort.Newest,
        Page: Page ?? 1,
        PageSize: PageSize ?? 20,
        Country: country);
}

public sealed record PageRequest(int? Page, int? PageSize)
{
    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 20;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1 or > 10_000)
        {
            errors["page"] = ["Pages are numbered from 1 to 10000."];
        }

        if (PageSize is < 1 or > VideosApi.MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {VideosApi.MaxPageSize} items."];
        }

        return errors;
    }
}
