namespace StreamingApp.Api.Storage;

/// <summary>
/// Where a video's objects live: its uploaded source under <c>sources/{id}/</c>, everything produced from it under
/// <c>media/{id}/v{n}/</c>. Separate top-level prefixes let IAM grant a worker read on sources and write on media only.
/// </summary>
public static class StorageKeys
{
    public const string SourcesRoot = "sources/";
    public const string MediaRoot = "media/";

    public static string SourcePrefix(string videoId) => $"{SourcesRoot}{videoId}/";

    public static string MediaPrefix(string videoId) => $"{MediaRoot}{videoId}/";

    /// <summary>The video a media key belongs to (<c>media/{id}/...</c>), or <c>null</c>.</summary>
    public static string? VideoIdOfMediaKey(string key)
    {
        if (!key.StartsWith(MediaRoot, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('/', MediaRoot.Length);
        return end > MediaRoot.Length ? key[MediaRoot.Length..end] : null;
    }
}
