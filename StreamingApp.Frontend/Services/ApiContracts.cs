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

/// <summary>A watch party as its members see it (the fields the pages use); times for synchronization are Unix ms on the Api's clock.</summary>
public sealed record PartyView(
    string Id, string VideoId, string InviteCode, string ControlMode, PartyPlayback Playback, IReadOnlyList<PartyMember> Members,
    DateTimeOffset? EndedAt, double ServerTime)
{
    public bool HasEnded => EndedAt is not null;

    public PartyMember? Host => Members.FirstOrDefault(member => member.Role == PartyRoles.Host);
}

/// <summary>At <see cref="AtServerTime"/> the video is at <see cref="PositionSeconds"/>, advancing by <see cref="Rate"/> while playing.</summary>
public sealed record PartyPlayback(string State, double PositionSeconds, double AtServerTime, double Rate, long Revision);

public sealed record PartyMember(string UserId, string DisplayName, string Role, bool Connected, string Sync);

public static class PartyRoles
{
    public const string Host = "host";
    public const string Cohost = "cohost";
    public const string Member = "member";
}

public static class PartyControlModes
{
    /// <summary>Only the host and cohosts play, pause and seek.</summary>
    public const string Host = "host";

    /// <summary>Every member controls playback.</summary>
    public const string Everyone = "everyone";
}
