using Amazon.S3;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;

namespace StreamingApp.Api.Uploads;

/// <summary>
/// Browser-to-S3 multipart uploads: the Api starts the upload and presigns a URL per part; the browser sends
/// the parts straight to S3 (resuming after a reload from the list of parts S3 already has); the Api completes it.
/// </summary>
public sealed class DirectUploads(IBlobStore blobs, IVideoStore videos, IOptions<MediaOptions> options, TimeProvider time)
{
    public bool IsAvailable => blobs is S3BlobStore;

    private S3BlobStore S3 => blobs as S3BlobStore ?? throw new InvalidOperationException("Direct uploads need the S3 storage provider.");

    /// <summary>Big enough that no upload needs more than S3's 10,000 parts.</summary>
    public int PartSizeFor(long sizeBytes)
    {
        const long MiB = 1024 * 1024;
        var needed = (sizeBytes + S3BlobStore.MaxParts - 1) / S3BlobStore.MaxParts;
        var partSize = Math.Max(Math.Max(options.Value.DirectUploads.PartSize, S3BlobStore.MinPartSize), (needed + MiB - 1) / MiB * MiB);
        return (int)partSize;
    }

    public static int PartCount(long sizeBytes, int partSize) => (int)((sizeBytes + partSize - 1) / partSize);

    /// <summary>Starts the upload and records it on the video; <c>null</c> when the video can no longer take a source.</summary>
    public async Task<DirectUploadResponse?> StartAsync(Video video, string contentType, long sizeBytes, CancellationToken cancellationToken)
    {
        var key = SourceContentTypes.NewSourceKey(video.Id, contentType);
        var partSize = PartSizeFor(sizeBytes);
        var uploadId = await S3.StartMultipartUploadAsync(key, contentType, cancellationToken);
        var upload = new DirectUpload(uploadId, key, sizeBytes, partSize, contentType, time.GetUtcNow());

        var recorded = await videos.ChangeAsync(video.Id, current => CanTakeSource(current)
            ? current with { PendingUpload = upload, UpdatedAt = upload.StartedAt }
            : null, cancellationToken);
        if (recorded is null)
        {
            await S3.AbortMultipartUploadAsync(key, uploadId, CancellationToken.None);
            return null;
        }

        var parts = await PartUrlsAsync(upload, Enumerable.Range(1, PartCount(sizeBytes, partSize)));
        return new DirectUploadResponse(uploadId, partSize, sizeBytes, parts);
    }

    /// <summary>What S3 has received; <c>null</c> when S3 no longer knows the upload.</summary>
    public async Task<DirectUploadStatus?> StatusAsync(DirectUpload upload, CancellationToken cancellationToken)
    {
        var received = await S3.ListPartsAsync(upload.Key, upload.UploadId, cancellationToken);
        if (received is null)
        {
            return null;
        }

        var have = received.Select(part => part.PartNumber).ToHashSet();
        var missing = Enumerable.Range(1, PartCount(upload.SizeBytes, upload.PartSize)).Where(number => !have.Contains(number));
        return new DirectUploadStatus(upload.UploadId, upload.PartSize, upload.SizeBytes,
            received.Select(part => new ReceivedPart(part.PartNumber, part.ETag, part.Size)).ToList(), await PartUrlsAsync(upload, missing));
    }

    /// <summary>Asks S3 to assemble the parts; <c>false</c> when S3 refuses them (wrong ETags, missing parts).</summary>
    public async Task<bool> CompleteAsync(DirectUpload upload, IEnumerable<CompletedPart> parts, CancellationToken cancellationToken)
    {
        try
        {
            await S3.CompleteMultipartUploadAsync(upload.Key, upload.UploadId, parts.Select(part => new UploadedPart(part.PartNumber, part.ETag!, 0)), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when ((int)exception.StatusCode is >= 400 and < 500)
        {
            return false;
        }
    }

    /// <summary>A URL ffprobe can read the assembled object from, without credentials.</summary>
    public Task<string> ProbeUrlAsync(DirectUpload upload) => S3.PresignGetAsync(upload.Key, TimeSpan.FromMinutes(15));

    public async Task AbortAsync(Video video, DirectUpload upload, CancellationToken cancellationToken)
    {
        await S3.AbortMultipartUploadAsync(upload.Key, upload.UploadId, cancellationToken);
        var now = time.GetUtcNow();
        await videos.ChangeAsync(video.Id, current => current.PendingUpload?.UploadId == upload.UploadId
            ? current with { PendingUpload = null, UpdatedAt = now }
            : null, cancellationToken);
    }

    public static bool CanTakeSource(Video video) =>
        video.Status == VideoStatus.AwaitingUpload && video.Source is null && video.PendingUpload is null;

    private async Task<IReadOnlyList<PartUrl>> PartUrlsAsync(DirectUpload upload, IEnumerable<int> partNumbers)
    {
        var urls = new List<PartUrl>();
        foreach (var number in partNumbers)
        {
            urls.Add(new PartUrl(number, await S3.PresignUploadPartAsync(upload.Key, upload.UploadId, number, options.Value.DirectUploads.PartUrlLifetime)));
        }

        return urls;
    }
}
