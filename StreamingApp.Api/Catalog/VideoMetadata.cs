using StreamingApp.Api.Regions;

namespace StreamingApp.Api.Catalog;

/// <summary>Bounds and rules for what creators may write about a video, shared by create and edit.</summary>
public static class VideoMetadata
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxCountries = 250;
    public const int FirstFilmYear = 1888;

    public static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            errors["title"] = [$"A title has 1 to {MaxTitleLength} characters."];
        }
    }

    public static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"A description has at most {MaxDescriptionLength} characters."];
        }
    }

    /// <summary>Both are optional; when present they must name a known value.</summary>
    public static void ValidateGenreAndVisibility(string? genre, string? visibility, Dictionary<string, string[]> errors)
    {
        if (genre is not null && !TryParseGenre(genre, out _))
        {
            errors["genre"] = [$"Unknown genre; use one of {GenreList}."];
        }

        if (visibility is not null && !EnumNames.TryParse<Visibility>(visibility, out _))
        {
            errors["visibility"] = [$"Visibility is one of {EnumNames.List<Visibility>()}."];
        }
    }

    public static void ValidateReleaseYear(int? year, int currentYear, Dictionary<string, string[]> errors)
    {
        if (year is { } value && (value < FirstFilmYear || value > currentYear + 1))
        {
            errors["releaseYear"] = [$"The release year is between {FirstFilmYear} and {currentYear + 1}."];
        }
    }

    public static void ValidateTags(IReadOnlyList<string>? tags, Dictionary<string, string[]> errors)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags || tags.Any(tag => string.IsNullOrWhiteSpace(tag) || tag.Trim().Length > MaxTagLength))
        {
            errors["tags"] = [$"At most {MaxTags} tags of 1 to {MaxTagLength} characters."];
        }
    }

    public static void ValidateCountries(IReadOnlyList<string>? allowed, IReadOnlyList<string>? blocked, Dictionary<string, string[]> errors)
    {
        ValidateCountryList("allowedCountries", allowed, errors);
        ValidateCountryList("blockedCountries", blocked, errors);
        if (allowed is not null && blocked is not null && allowed.Select(CountryCodes.Normalize).Intersect(blocked.Select(CountryCodes.Normalize)).Any())
        {
            errors["blockedCountries"] = ["A country cannot be both allowed and blocked."];
        }
    }

    public static IReadOnlyList<string> NormalizeTags(IReadOnlyList<string> tags) =>
        tags.Select(tag => tag.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<string> NormalizeCountries(IReadOnlyList<string> countries) =>
        countries.Select(code => CountryCodes.Normalize(code)!).Distinct().Order(StringComparer.Ordinal).ToList();

    public static bool TryParseGenre(string? value, out Genre genre)
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

    public static string GenreName(Genre genre) => genre == Genre.SciFi ? "Sci-Fi" : genre.ToString();

    public static string GenreList => string.Join(", ", Enum.GetValues<Genre>().Select(GenreName));

    private static void ValidateCountryList(string field, IReadOnlyList<string>? codes, Dictionary<string, string[]> errors)
    {
        if (codes is null)
        {
            return;
        }

        var invalid = codes.Where(code => CountryCodes.Normalize(code) is null).Take(5).ToList();
        if (codes.Count > MaxCountries || invalid.Count > 0)
        {
            errors[field] = [invalid.Count > 0
                ? $"Not ISO 3166 alpha-2 country codes: {string.Join(", ", invalid.Select(code => code.Length > 8 ? code[..8] + "…" : code))}."
                : $"At most {MaxCountries} countries."];
        }
    }
}
