using StreamingApp.Api.History;
using StreamingApp.Api.Media;

namespace StreamingApp.Api.Catalog;

/// <summary>
/// Deletes a video with everything stored for it. The catalog entry goes last, so a failure part-way leaves it
/// in place and the delete can simply be repeated.
/// </summary>
public sealed class VideoRemoval(IVideoStore videos, IBlobStore blobs, IProcessingQueue queue, IWatchHistoryStore history, ILogger<VideoRemoval> logger)
{
    public async Task RemoveAsync(Video video, CancellationToken cancellationToken)
    {
        await queue.CancelAsync(video.Id, cancellationToken);
        if (video.PendingUpload is { } upload && blobs is S3BlobStore s3)
        {
            await s3.AbortMultipartUploadAsync(upload.Key, upload.UploadId, cancellationToken);
        }

        var sources = await blobs.DeletePrefixAsync(StorageKeys.SourcePrefix(video.Id), cancellationToken);
        var media = await blobs.DeletePrefixAsync(StorageKeys.MediaPrefix(video.Id), cancellationToken);
        await history.DeleteForVideoAsync(video.Id, cancellationToken);
        await videos.DeleteAsync(video.Id, cancellationToken);
        logger.LogInformation("Deleted video {VideoId} with {SourceObjects} source and {MediaObjects} media objects", video.Id, sources, media);
    }
}
