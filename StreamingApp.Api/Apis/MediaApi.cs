using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Regions;
using StreamingApp.Api.Telemetry;

namespace StreamingApp.Api.Apis;

/// <summary>
/// Serves stored media to browsers when no CDN is configured: signed, expiring, scoped to one video's folder,
/// with byte ranges, the right content types, immutable caching for segments and the same region rules as playback.
/// </summary>
public static class MediaApi
{
    public const string CorsPolicy = "media";

    private const string ImmutableCaching = "public, max-age=31536000, immutable";
    private const string PlaylistCaching = "private, max-age=60";
    private static readonly TimeSpan VideoCacheLifetime = TimeSpan.FromSeconds(30);

    public static IEndpointConventionBuilder MapMediaApi(this IEndpointRouteBuilder app) =>
        app.MapMethods($"/{StorageKeys.MediaRoot}{{**path}}", [HttpMethods.Get, HttpMethods.Head], GetMedia)
            .WithName(nameof(GetMedia))
            .WithTags("Media")
            .WithSummary("A playlist, segment, thumbnail or storyboard through a signed URL")
            .RequireCors(CorsPolicy);

    public static async Task<Results<FileStreamHttpResult, PhysicalFileHttpResult, ContentHttpResult, EmptyHttpResult, ProblemHttpResult>> GetMedia(
        string path, [AsParameters] MediaServices services, HttpContext context)
    {
        var mediaKey = StorageKeys.MediaRoot + path;
        if (!BlobKey.IsValid(mediaKey) || StorageKeys.VideoIdOfMediaKey(mediaKey) is not { } videoId)
        {
            return Problems.NotFound("media");
        }

        var query = context.Request.Query;
        switch (services.Token.Check(mediaKey, query[MediaToken.ScopeParameter], query[MediaToken.ExpiryParameter], query[MediaToken.SignatureParameter]))
        {
            case MediaTokenCheck.Expired:
                return Problems.Problem(StatusCodes.Status403Forbidden, "media-url-expired", "This media link has expired; ask for a new one.");
            case not MediaTokenCheck.Valid:
                return Problems.Problem(StatusCodes.Status403Forbidden, "media-url-invalid", "This media link is not valid for this file.");
        }

        var video = await services.Cache.GetOrCreateAsync(("media-video", videoId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = VideoCacheLifetime;
            return services.Videos.GetAsync(videoId, context.RequestAborted);
        });
        if (video is null)
        {
            return Problems.NotFound("media");
        }

        var country = services.Countries.Resolve(context);
        if (!RegionRules.IsAllowed(video, country))
        {
            services.Metrics.RegionBlocked("media");
            return Problems.UnavailableInRegion(country);
        }

        context.Response.OnCompleted(() =>
        {
            services.Metrics.BytesServed(context.Response.ContentLength ?? 0);
            return Task.CompletedTask;
        });

        return mediaKey.EndsWith(".m3u8", StringComparison.Ordinal)
            ? await PlaylistAsync(mediaKey, services.Blobs, context)
            : await ObjectAsync(mediaKey, services.Blobs, context);
    }

    private static async Task<Results<FileStreamHttpResult, PhysicalFileHttpResult, ContentHttpResult, EmptyHttpResult, ProblemHttpResult>> PlaylistAsync(
        string key, IBlobStore blobs, HttpContext context)
    {
        await using var blob = await blobs.GetAsync(key, null, context.RequestAborted);
        if (blob is null)
        {
            return Problems.NotFound("media");
        }

        using var reader = new StreamReader(blob.Stream);
        var query = string.Join('&', new[] { MediaToken.ScopeParameter, MediaToken.ExpiryParameter, MediaToken.SignatureParameter }
            .Select(name => $"{name}={Uri.EscapeDataString(context.Request.Query[name].ToString())}"));
        context.Response.Headers.CacheControl = PlaylistCaching;
        var playlist = PlaylistRewriter.AppendQuery(await reader.ReadToEndAsync(context.RequestAborted), query);
        context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(playlist);
        return TypedResults.Text(playlist, BlobContentTypes.FromKey(key), System.Text.Encoding.UTF8);
    }

    private static async Task<Results<FileStreamHttpResult, PhysicalFileHttpResult, ContentHttpResult, EmptyHttpResult, ProblemHttpResult>> ObjectAsync(
        string key, IBlobStore blobs, HttpContext context)
    {
        context.Response.Headers.CacheControl = ImmutableCaching;
        if (blobs is LocalBlobStore local)
        {
            // The framework answers ranges, ETag and Last-Modified; the bytes go out in large chunks (see LargeChunkFileBody).
            var file = new FileInfo(local.GetFilePath(key));
            if (!file.Exists)
            {
                return Problems.NotFound("media");
            }

            LargeChunkFileBody.Use(context);
            return TypedResults.PhysicalFile(file.FullName, BlobContentTypes.FromKey(key), lastModified: file.LastWriteTimeUtc,
                entityTag: new EntityTagHeaderValue($"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\""), enableRangeProcessing: true);
        }

        return await ProxyAsync(key, blobs, context);
    }

    /// <summary>Relays an object from remote storage, honouring a single byte range.</summary>
    private static async Task<Results<FileStreamHttpResult, PhysicalFileHttpResult, ContentHttpResult, EmptyHttpResult, ProblemHttpResult>> ProxyAsync(
        string key, IBlobStore blobs, HttpContext context)
    {
        var range = ParseRange(context.Request.Headers.Range.ToString());
        BlobContent? blob;
        try
        {
            blob = await blobs.GetAsync(key, range, context.RequestAborted);
        }
        catch (BlobRangeNotSatisfiableException exception)
        {
            context.Response.Headers.ContentRange = $"bytes */{exception.ObjectLength}";
            return Problems.Problem(StatusCodes.Status416RangeNotSatisfiable, "range-not-satisfiable", "The requested range is outside the file.");
        }

        if (blob is null)
        {
            return Problems.NotFound("media");
        }

        context.Response.RegisterForDisposeAsync(blob);
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.Headers.ETag = blob.Info.ETag;
        context.Response.ContentLength = blob.Length;
        if (range is not null)
        {
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = new ContentRangeHeaderValue(blob.Offset, blob.Offset + blob.Length - 1, blob.Info.Length).ToString();
        }

        return HttpMethods.IsHead(context.Request.Method)
            ? TypedResults.Empty
            : TypedResults.Stream(blob.Stream, blob.Info.ContentType);
    }

    /// <summary>A single <c>bytes=from-[to]</c> range; anything else (suffix or multiple ranges) is served whole.</summary>
    private static ByteRange? ParseRange(string header) =>
        RangeHeaderValue.TryParse(header, out var parsed) && parsed.Unit == "bytes" && parsed.Ranges.Count == 1
            && parsed.Ranges.Single() is { From: { } from } single
            ? new ByteRange(from, single.To)
            : null;
}

public sealed class MediaServices(
    MediaToken token, IVideoStore videos, IBlobStore blobs, ViewerCountryResolver countries, IMemoryCache cache, ApiMetrics metrics)
{
    public MediaToken Token => token;

    public IVideoStore Videos => videos;

    public IBlobStore Blobs => blobs;

    public ViewerCountryResolver Countries => countries;

    public IMemoryCache Cache => cache;

    public ApiMetrics Metrics => metrics;
}
