namespace StreamingApp.Api.Uploads;

/// <summary>Which uploads are accepted as video sources, and the extension their stored copy gets.</summary>
public static class SourceContentTypes
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = ".mp4",
        ["video/quicktime"] = ".mov",
        ["video/webm"] = ".webm",
        ["video/x-matroska"] = ".mkv",
        ["video/x-msvideo"] = ".avi",
        ["video/mpeg"] = ".mpg",
        ["video/mp2t"] = ".ts",
        ["video/ogg"] = ".ogv",
        ["video/3gpp"] = ".3gp",
    };

    /// <summary>The media type without parameters when it names a video format we accept; otherwise <c>null</c>.</summary>
    public static string? Normalize(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType is not null && Extensions.ContainsKey(mediaType) ? mediaType : null;
    }

    /// <summary>A fresh key under the video's source folder, unique per upload so racing uploads never overwrite each other.</summary>
    public static string NewSourceKey(string videoId, string contentType) =>
        $"{StorageKeys.SourcePrefix(videoId)}{Guid.CreateVersion7():N}{Extensions[contentType]}";

    public static string Accepted => string.Join(", ", Extensions.Keys);
}
