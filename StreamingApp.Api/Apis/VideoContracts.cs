using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Apis;

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>A video as listings show it.</summary>
public sealed record VideoSummary(
    string Id, string Title, string Description, string Genre, IReadOnlyList<string> Tags, int? ReleaseYear,
    double? DurationSeconds, bool Featured, long ViewCount, DateTimeOffset? PublishedAt, string? ThumbnailUrl)
{
    public static VideoSummary From(Video video, MediaUrls urls) => new(
        video.Id, video.Title, video.Description, VideoMetadata.GenreName(video.Genre), video.Tags, video.ReleaseYear,
        video.DurationSeconds, video.Featured, video.ViewCount, video.PublishedAt, urls.Thumbnail(video));
}

/// <summary>One video in full; processing details only for its owner and admins.</summary>
public sealed record VideoDetails(
    string Id, string OwnerId, string Title, string Description, string Genre, IReadOnlyList<string> Tags, int? ReleaseYear,
    double? DurationSeconds, VideoStatus Status, int? ProcessingProgress, string? FailureReason, Visibility Visibility,
    bool Featured, IReadOnlyList<string> AllowedCountries, IReadOnlyList<string> BlockedCountries,
    IReadOnlyList<RenditionSummary> Renditions, long ViewCount, string? ThumbnailUrl,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, bool AvailableInYourCountry)
{
    public static VideoDetails From(Video video, MediaUrls urls, bool withProcessing, bool availableHere) => new(
        video.Id, video.OwnerId, video.Title, video.Description, VideoMetadata.GenreName(video.Genre), video.Tags, video.ReleaseYear,
        video.DurationSeconds, video.Status, withProcessing ? video.ProcessingProgress : null, withProcessing ? video.FailureReason : null,
        video.Visibility, video.Featured, video.AllowedCountries, video.BlockedCountries,
        video.Renditions.Select(rendition => new RenditionSummary(rendition.Width, rendition.Height, rendition.Bandwidth, rendition.Codecs)).ToList(),
        video.ViewCount, urls.Thumbnail(video), video.CreatedAt, video.UpdatedAt, video.PublishedAt, availableHere);
}

public sealed record RenditionSummary(int Width, int Height, int Bandwidth, string Codecs);

public sealed record CreateVideoRequest(
    string? Title, string? Description, string? Genre, int? ReleaseYear, IReadOnlyList<string>? Tags, string? Visibility,
    IReadOnlyList<string>? AllowedCountries, IReadOnlyList<string>? BlockedCountries)
{
    public Dictionary<string, string[]> Validate(int currentYear)
    {
        var errors = new Dictionary<string, string[]>();
        VideoMetadata.ValidateTitle(Title, errors);
        VideoMetadata.ValidateDescription(Description, errors);
        VideoMetadata.ValidateGenreAndVisibility(Genre, Visibility, errors);

        VideoMetadata.ValidateReleaseYear(ReleaseYear, currentYear, errors);
        VideoMetadata.ValidateTags(Tags, errors);
        VideoMetadata.ValidateCountries(AllowedCountries, BlockedCountries, errors);
        return errors;
    }
}

/// <summary>A partial edit: only the fields present change.</summary>
public sealed record UpdateVideoRequest(
    string? Title, string? Description, string? Genre, int? ReleaseYear, IReadOnlyList<string>? Tags, string? Visibility,
    IReadOnlyList<string>? AllowedCountries, IReadOnlyList<string>? BlockedCountries)
{
    public Dictionary<string, string[]> Validate(Video current, int currentYear)
    {
        var errors = new Dictionary<string, string[]>();
        if (Title is not null)
        {
            VideoMetadata.ValidateTitle(Title, errors);
        }

        VideoMetadata.ValidateDescription(Description, errors);
        VideoMetadata.ValidateGenreAndVisibility(Genre, Visibility, errors);

        VideoMetadata.ValidateReleaseYear(ReleaseYear, currentYear, errors);
        VideoMetadata.ValidateTags(Tags, errors);
        VideoMetadata.ValidateCountries(AllowedCountries ?? current.AllowedCountries, BlockedCountries ?? current.BlockedCountries, errors);
        return errors;
    }

    public Video ApplyTo(Video video, DateTimeOffset now) => video with
    {
        Title = Title?.Trim() ?? video.Title,
        Description = Description?.Trim() ?? video.Description,
        Genre = Genre is not null && VideoMetadata.TryParseGenre(Genre, out var genre) ? genre : video.Genre,
        ReleaseYear = ReleaseYear ?? video.ReleaseYear,
        Tags = Tags is null ? video.Tags : VideoMetadata.NormalizeTags(Tags),
        Visibility = Visibility is not null && EnumNames.TryParse<Visibility>(Visibility, out var visibility) ? visibility : video.Visibility,
        AllowedCountries = AllowedCountries is null ? video.AllowedCountries : VideoMetadata.NormalizeCountries(AllowedCountries),
        BlockedCountries = BlockedCountries is null ? video.BlockedCountries : VideoMetadata.NormalizeCountries(BlockedCountries),
        UpdatedAt = now,
    };
}

public sealed record FeatureRequest(bool Featured);
