using System.Globalization;

namespace StreamingApp.Frontend.Components.Shared;

/// <summary>How numbers read on the pages.</summary>
public static class Format
{
    /// <summary><c>4:05</c>, <c>1:02:03</c>; empty when unknown.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value || !double.IsFinite(value) || value < 0)
        {
            return string.Empty;
        }

        var time = TimeSpan.FromSeconds(Math.Floor(value));
        return time.TotalHours >= 1
            ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    public static string Views(long count) => count switch
    {
        1 => "1 view",
        < 1_000 => $"{count} views",
        < 1_000_000 => $"{(count / 1_000d).ToString("0.#", CultureInfo.InvariantCulture)}K views",
        _ => $"{(count / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture)}M views",
    };

    public static string Date(DateTimeOffset? value) =>
        value?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Genre, year and length joined with middle dots, leaving out what is unknown.</summary>
    public static string Facts(string genre, int? year, double? durationSeconds) =>
        string.Join(" · ", new[] { genre, year?.ToString(CultureInfo.InvariantCulture), Duration(durationSeconds) }.Where(part => !string.IsNullOrEmpty(part)));

    public static string List(IEnumerable<string> values) => string.Join(", ", values);
}
