using System.ComponentModel.DataAnnotations;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Components.Shared;

/// <summary>
/// The metadata form of a video as a creator fills it in: tags and countries are typed as lists separated by commas
/// or spaces. The bounds are the Api's, checked here first so mistakes show without a round trip.
/// </summary>
public sealed class VideoForm : IValidatableObject
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int FirstFilmYear = 1888;

    private static readonly char[] Separators = [',', ' ', ';', '\n', '\r', '\t'];

    [Required(ErrorMessage = "Give the video a title.")]
    [StringLength(MaxTitleLength, ErrorMessage = "A title has at most 200 characters.")]
    public string? Title { get; set; }

    [StringLength(MaxDescriptionLength, ErrorMessage = "A description has at most 5000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Choose a genre.")]
    public string Genre { get; set; } = "Other";

    public int? ReleaseYear { get; set; }

    /// <summary>Comma-separated; a tag may contain spaces.</summary>
    public string? Tags { get; set; }

    [Required]
    public string Visibility { get; set; } = Services.Visibility.Public;

    public string? AllowedCountries { get; set; }

    public string? BlockedCountries { get; set; }

    public IReadOnlyList<string> TagList =>
        (Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> AllowedCountryList => Countries(AllowedCountries);

    public IReadOnlyList<string> BlockedCountryList => Countries(BlockedCountries);

    public static VideoForm From(VideoDetails video) => new()
    {
        Title = video.Title,
        Description = video.Description,
        Genre = video.Genre,
        ReleaseYear = video.ReleaseYear,
        Tags = string.Join(", ", video.Tags),
        Visibility = video.Visibility,
        AllowedCountries = string.Join(' ', video.AllowedCountries),
        BlockedCountries = string.Join(' ', video.BlockedCountries),
    };

    public VideoMetadata ToMetadata() => new(
        Title!.Trim(), Description?.Trim() ?? string.Empty, Genre, ReleaseYear, TagList, Visibility, AllowedCountryList, BlockedCountryList);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Genres.All.Contains(Genre))
        {
            yield return new ValidationResult("Choose a genre from the list.", [nameof(Genre)]);
        }

        if (!Services.Visibility.All.Contains(Visibility))
        {
            yield return new ValidationResult("Choose public, unlisted or private.", [nameof(Visibility)]);
        }

        var latestYear = DateTime.UtcNow.Year + 1;
        if (ReleaseYear is { } year && (year < FirstFilmYear || year > latestYear))
        {
            yield return new ValidationResult($"The release year is between {FirstFilmYear} and {latestYear}.", [nameof(ReleaseYear)]);
        }

        if (TagList.Count > MaxTags || TagList.Any(tag => tag.Length > MaxTagLength))
        {
            yield return new ValidationResult($"At most {MaxTags} tags of up to {MaxTagLength} characters each.", [nameof(Tags)]);
        }

        foreach (var (field, codes) in new[] { (nameof(AllowedCountries), AllowedCountryList), (nameof(BlockedCountries), BlockedCountryList) })
        {
            var invalid = codes.Where(code => code.Length != 2 || !code.All(char.IsAsciiLetterUpper)).ToList();
            if (invalid.Count > 0)
            {
                yield return new ValidationResult($"Use two-letter country codes such as US, GB or DE (not: {string.Join(", ", invalid.Take(5))}).", [field]);
            }
        }

        if (AllowedCountryList.Intersect(BlockedCountryList).ToList() is { Count: > 0 } both)
        {
            yield return new ValidationResult($"A country cannot be both allowed and blocked: {string.Join(", ", both)}.", [nameof(BlockedCountries)]);
        }
    }

    private static IReadOnlyList<string> Countries(string? value) =>
        (value ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.ToUpperInvariant())
            .Distinct()
            .ToList();
}
