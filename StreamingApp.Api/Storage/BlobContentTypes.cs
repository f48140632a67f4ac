using Microsoft.AspNetCore.StaticFiles;

namespace StreamingApp.Api.Storage;

/// <summary>Content types by extension, including the streaming formats the framework's table leaves out.</summary>
public static class BlobContentTypes
{
    public const string Default = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider Provider = CreateProvider();

    public static string FromKey(string key) => Provider.TryGetContentType(key, out var contentType) ? contentType : Default;

    private static FileExtensionContentTypeProvider CreateProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".m3u8"] = "application/vnd.apple.mpegurl";
        provider.Mappings[".m4s"] = "video/iso.segment";
        provider.Mappings[".mp4"] = "video/mp4";
        provider.Mappings[".m4a"] = "audio/mp4";
        provider.Mappings[".vtt"] = "text/vtt";
        provider.Mappings[".mkv"] = "video/x-matroska";
        provider.Mappings[".webm"] = "video/webm";
        provider.Mappings[".mov"] = "video/quicktime";
        return provider;
    }
}
