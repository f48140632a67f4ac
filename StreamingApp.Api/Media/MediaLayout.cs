using System.Globalization;

namespace StreamingApp.Api.Media;

/// <summary>
/// Where processed media lives in blob storage: <c>media/{videoId}/v{n}/</c>, a new <c>n</c> for every processing
/// run, so players holding the previous version's playlists keep working until it is deleted after the switch.
/// </summary>
public static class MediaLayout
{
    public static string Prefix(string videoId, int version) => $"media/{videoId}/v{version.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>The version after the one the video currently points at (1 for a video never processed).</summary>
    public static int NextVersion(Video video)
    {
        var current = video.MediaPrefix?.TrimEnd('/').Split('/').LastOrDefault();
        return current is ['v', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version + 1 : 1;
    }
}
