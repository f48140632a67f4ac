namespace StreamingApp.Api.Apis;

public static class VideosApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapVideosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Videos");

        api.MapGet("/", ListVideos)
            .WithName(nameof(ListVideos))
            .WithSummary("Browse and search the public catalog")
            .WithDescription("Ready, public videos allowed in the viewer's country, newest or most popular first.");

        return api;
    }

    public static async Task<Results<Ok<PagedResponse<VideoSummary>>, ValidationProblem>> ListVideos(
        [AsParameters] CatalogRequest request, IVideoStore videos, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await videos.SearchAsync(request.ToQuery(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<VideoSummary>(
            page.Items.Select(VideoSummary.From).ToList(), page.PageNumber, page.PageSize, page.Total));
    }
}

public sealed record CatalogRequest(string? Genre, string? Q, string? Sort, int? Page, int? PageSize)
{
    public const int MaxQueryLength = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Genre is not null && !TryParseGenre(Genre, out _))
        {
            errors["genre"] = [$"Unknown genre; use one of {string.Join(", ", Enum.GetValues<Genre>().Select(GenreName))}."];
        }

        if (Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"Search text is limited to {MaxQueryLength} characters."];
        }

        if (Sort is not null and not "newest" and not "popular")
        {
            errors["sort"] = ["Sort by 'newest' or 'popular'."];
        }

        if (Page is < 1 or > 10_000)
        {
            errors["page"] = ["Pages are numbered from 1 to 10000."];
        }

        if (PageSize is < 1 or > VideosApi.MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {VideosApi.MaxPageSize} videos."];
        }

        return errors;
    }

    public CatalogQuery ToQuery() => new(
        Text: Q,
        Genre: Genre is not null && TryParseGenre(Genre, out var genre) ? genre : null,
        Sort: Sort == "popular" ? CatalogSort.Popular : CatalogSort.Newest,
        Page: Page ?? 1,
        PageSize: PageSize ?? 20);

    private static string GenreName(Genre genre) => genre == Catalog.Genre.SciFi ? "Sci-Fi" : genre.ToString();

    private static bool TryParseGenre(string value, out Genre genre)
    {
        foreach (var candidate in Enum.GetValues<Genre>())
        {
            if (string.Equals(GenreName(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                genre = candidate;
                return true;
            }
        }

        genre = default;
        return false;
    }
}

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public sealed record VideoSummary(
    string Id, string Title, string Description, Genre Genre, IReadOnlyList<string> Tags, int? ReleaseYear,
    double? DurationSeconds, bool Featured, long ViewCount, DateTimeOffset? PublishedAt)
{
    public static VideoSummary From(Video video) => new(
        video.Id, video.Title, video.Description, video.Genre, video.Tags, video.ReleaseYear,
        video.DurationSeconds, video.Featured, video.ViewCount, video.PublishedAt);
}
