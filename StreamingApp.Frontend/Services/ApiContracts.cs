namespace StreamingApp.Frontend.Services;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int PageCount => PageSize <= 0 ? 0 : (int)((Total + PageSize - 1) / PageSize);
}

/// <summary>A video as listings show it.</summary>
public sealed record VideoSummary(
    string Id, string Title, string Description, string Genre, IReadOnlyList<string> Tags, int? ReleaseYear,
    double? DurationSeconds, bool Featured, long ViewCount, DateTimeOffset? PublishedAt, string? ThumbnailUrl);

/// <summary>One video in full; processing progress and failure reason only for its owner and admins.</summary>
public sealed record VideoDetails(
    string Id, string OwnerId, string Title, string Description, string Genre, IReadOnlyList<string> Tags, int? ReleaseYear,
    double? DurationSeconds, string Status, int? ProcessingProgress, string? FailureReason, string Visibility,
    bool Featured, IReadOnlyList<string> AllowedCountries, IReadOnlyList<string> BlockedCountries,
    IReadOnlyList<Rendition> Renditions, long ViewCount, string? ThumbnailUrl,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, bool AvailableInYourCountry)
{
    public bool IsReady => Status == VideoStatus.Ready;
}

public sealed record Rendition(int Width, int Height, int Bandwidth, string Codecs);

public sealed record PlaybackUrls(string HlsUrl, string? ThumbnailUrl, string? StoryboardUrl, DateTimeOffset ExpiresAt);

public sealed record HistoryEntry(VideoSummary Video, double PositionSeconds, DateTimeOffset UpdatedAt, bool Finished);

/// <summary>What a creator writes about a video, for creating it and (all fields present) for editing it.</summary>
public sealed record VideoMetadata(
    string Title, string Description, string Genre, int? ReleaseYear, IReadOnlyList<string> Tags, string Visibility,
    IReadOnlyList<string> AllowedCountries, IReadOnlyList<string> BlockedCountries);

public static class VideoStatus
{
    public const string AwaitingUpload = "awaiting_upload";
    public const string Processing = "processing";
    public const string Ready = "ready";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [AwaitingUpload, Processing, Ready, Failed];

    public static string Describe(string status) => status switch
    {
        AwaitingUpload => "Waiting for upload",
        Processing => "Processing",
        Ready => "Ready",
        Failed => "Failed",
        _ => status,
    };
}

public static class Visibility
{
    public const string Public = "public";
    public const string Unlisted = "unlisted";
    public const string Private = "private";

    public static readonly IReadOnlyList<string> All = [Public, Unlisted, Private];
}

public static class Genres
{
    public static readonly IReadOnlyList<string> All =
        ["Action", "Comedy", "Drama", "Horror", "Documentary", "Thriller", "Romance", "Sci-Fi", "Animation", "Other"];
}

public static class CatalogSort
{
    public const string Newest = "newest";
    public const string Popular = "popular";
}
