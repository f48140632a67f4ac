using Amazon.S3;
using Amazon.S3.Model;

namespace StreamingApp.Api.Storage;

/// <summary>Presigned access and browser-driven multipart uploads, which only S3 offers.</summary>
public sealed partial class S3BlobStore
{
    /// <summary>S3 allows at most this many parts in one multipart upload.</summary>
    public const int MaxParts = 10_000;

    /// <summary>S3's smallest part (except the last).</summary>
    public const int MinPartSize = 5 * 1024 * 1024;

    public Task<string> PresignGetAsync(string key, TimeSpan lifetime) =>
        PresignAsync(new GetPreSignedUrlRequest { BucketName = Bucket, Key = BlobKey.Validate(key), Verb = HttpVerb.GET }, lifetime);

    /// <summary>A URL that accepts one PUT of the object; the uploader must send the same Content-Type.</summary>
    public Task<string> PresignPutAsync(string key, string contentType, TimeSpan lifetime) =>
        PresignAsync(new GetPreSignedUrlRequest { BucketName = Bucket, Key = BlobKey.Validate(key), Verb = HttpVerb.PUT, ContentType = contentType }, lifetime);

    public async Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = Bucket, Key = BlobKey.Validate(key), ContentType = contentType };
        ApplyEncryption(request);
        return (await Client.InitiateMultipartUploadAsync(request, cancellationToken)).UploadId;
    }

    public Task<string> PresignUploadPartAsync(string key, string uploadId, int partNumber, TimeSpan lifetime) =>
        PresignAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = BlobKey.Validate(key),
            Verb = HttpVerb.PUT,
            UploadId = uploadId,
            PartNumber = partNumber,
        }, lifetime);

    /// <summary>The parts S3 has received so far, or <c>null</c> when the upload no longer exists.</summary>
    public async Task<IReadOnlyList<UploadedPart>?> ListPartsAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        var parts = new List<UploadedPart>();
        var request = new ListPartsRequest { BucketName = Bucket, Key = BlobKey.Validate(key), UploadId = uploadId };
        try
        {
            ListPartsResponse response;
            do
            {
                response = await Client.ListPartsAsync(request, cancellationToken);
                parts.AddRange((response.Parts ?? []).Select(part => new UploadedPart(part.PartNumber ?? 0, part.ETag, part.Size ?? 0)));
                request.PartNumberMarker = response.NextPartNumberMarker?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (response.IsTruncated == true);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchUpload" || exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return parts;
    }

    public async Task CompleteMultipartUploadAsync(string key, string uploadId, IEnumerable<UploadedPart> parts, CancellationToken cancellationToken) =>
        await Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = BlobKey.Validate(key),
            UploadId = uploadId,
            PartETags = [.. parts.OrderBy(part => part.PartNumber).Select(part => new PartETag(part.PartNumber, part.ETag))],
        }, cancellationToken);

    public async Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await Client.AbortMultipartUploadAsync(Bucket, BlobKey.Validate(key), uploadId, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchUpload" || exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already completed or aborted.
        }
    }

    private Task<string> PresignAsync(GetPreSignedUrlRequest request, TimeSpan lifetime)
    {
        request.Expires = DateTime.UtcNow.Add(lifetime);
        // The SDK signs https unless told otherwise; an http S3-compatible endpoint needs http URLs.
        request.Protocol = options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS;
        return Client.GetPreSignedURLAsync(request);
    }
}

public sealed record UploadedPart(int PartNumber, string ETag, long Size);
