using System.Text.Json.Serialization;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Catalog;

/// <summary>A video in the catalog: its metadata, where it is in processing, and what was produced from it.</summary>
public sealed record Video : IVersionedDocument<Video>
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = string.Empty;

    public Genre Genre { get; init; } = Genre.Other;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public int? ReleaseYear { get; init; }

    public double? DurationSeconds { get; init; }

    public VideoStatus Status { get; init; } = VideoStatus.AwaitingUpload;

    /// <summary>Why processing failed, in words the creator can act on.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Processing progress from 0 to 100.</summary>
    public int ProcessingProgress { get; init; }

    public bool Featured { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Public;

    /// <summary>ISO 3166 alpha-2 codes; empty means every country not blocked.</summary>
    public IReadOnlyList<string> AllowedCountries { get; init; } = [];

    public IReadOnlyList<string> BlockedCountries { get; init; } = [];

    public IReadOnlyList<Rendition> Renditions { get; init; } = [];

    /// <summary>Versioned folder of the current HLS output, for example <c>media/{id}/v2/</c>.</summary>
    public string? MediaPrefix { get; init; }

    public string? ThumbnailKey { get; init; }

    public string? StoryboardKey { get; init; }

    public SourceFile? Source { get; init; }

    /// <summary>A direct-to-S3 multipart upload in progress, so it can be resumed, completed or aborted.</summary>
    public DirectUpload? PendingUpload { get; init; }

    public long ViewCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Incremented by every write; a write based on an older version is refused (optimistic concurrency).</summary>
    public long Version { get; init; }

    public Video WithVersion(long version) => this with { Version = version };
}

public sealed record Rendition(int Width, int Height, int Bandwidth, string Codecs, string Playlist);

public sealed record SourceFile(string Key, long SizeBytes, string Sha256, string ContentType);

public sealed record DirectUpload(string UploadId, string Key, long SizeBytes, int PartSize, string ContentType, DateTimeOffset StartedAt);

[JsonConverter(typeof(JsonStringEnumConverter<Genre>))]
public enum Genre
{
    Action,
    Comedy,
    Drama,
    Horror,
    Documentary,
    Thriller,
    Romance,
    [JsonStringEnumMemberName("Sci-Fi")]
    SciFi,
    Animation,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<VideoStatus>))]
public enum VideoStatus
{
    [JsonStringEnumMemberName("awaiting_upload")]
    AwaitingUpload,
    [JsonStringEnumMemberName("processing")]
    Processing,
    [JsonStringEnumMemberName("ready")]
    Ready,
    [JsonStringEnumMemberName("failed")]
    Failed,
}

[JsonConverter(typeof(JsonStringEnumConverter<Visibility>))]
public enum Visibility
{
    [JsonStringEnumMemberName("public")]
    Public,
    [JsonStringEnumMemberName("unlisted")]
    Unlisted,
    [JsonStringEnumMemberName("private")]
    Private,
}
