using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace StreamingApp.Api.Storage;

/// <summary>
/// Blobs in one S3 bucket (or an S3-compatible endpoint). Large writes become multipart uploads with a bounded
/// number of parts in flight, so memory stays at part size times concurrency whatever the object size.
/// </summary>
public sealed partial class S3BlobStore(IAmazonS3 s3, S3StorageOptions options) : IBlobStore
{
    private const int DeleteBatchSize = 1000;

    private readonly string _bucket = options.Bucket ?? throw new InvalidOperationException("Storage:S3:Bucket is required when Storage:Provider is s3.");

    public string Provider => "s3";

    public IAmazonS3 Client => s3;

    public string Bucket => _bucket;

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        var first = await ReadPartAsync(content, cancellationToken);
        if (first.Length < options.PartSizeBytes)
        {
            using (first)
            {
                var request = new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = first.AsStream(),
                    AutoCloseStream = false,
                };
                ApplyEncryption(request);
                await s3.PutObjectAsync(request, cancellationToken);
            }
        }
        else
        {
            await PutMultipartAsync(key, content, contentType, first, cancellationToken);
        }

        return await HeadAsync(key, cancellationToken) ?? throw new InvalidOperationException($"'{key}' vanished right after it was written.");
    }

    private async Task PutMultipartAsync(string key, Stream content, string contentType, RentedPart first, CancellationToken cancellationToken)
    {
        var start = new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key, ContentType = contentType };
        ApplyEncryption(start);
        var upload = await s3.InitiateMultipartUploadAsync(start, cancellationToken);
        var inFlight = new List<Task<PartETag>>();
        using var slots = new SemaphoreSlim(options.UploadConcurrency);
        try
        {
            var part = first;
            for (var partNumber = 1; part.Length > 0; partNumber++)
            {
                await slots.WaitAsync(cancellationToken);
                inFlight.Add(UploadPartAsync(key, upload.UploadId, partNumber, part, slots, cancellationToken));
                part = await ReadPartAsync(content, cancellationToken);
            }

            part.Dispose();
            var etags = await Task.WhenAll(inFlight);
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = [.. etags],
            }, cancellationToken);
        }
        catch
        {
            await Task.WhenAll(inFlight.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
            await s3.AbortMultipartUploadAsync(_bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, RentedPart part, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            using (part)
            {
                var response = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    InputStream = part.AsStream(),
                    PartSize = part.Length,
                }, cancellationToken);
                return new PartETag(partNumber, response.ETag);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<RentedPart> ReadPartAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(options.PartSizeBytes);
        var filled = 0;
        try
        {
            while (filled < options.PartSizeBytes)
            {
                var read = await content.ReadAsync(buffer.AsMemory(filled, options.PartSizeBytes - filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return new RentedPart(buffer, filled);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public async Task<BlobContent?> GetAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        var request = new GetObjectRequest { BucketName = _bucket, Key = key };
        if (range is not null)
        {
            if (range.From < 0 || range.To < range.From)
            {
                throw new ArgumentOutOfRangeException(nameof(range), "A byte range starts at 0 or later and ends after it starts.");
            }

            request.ByteRange = range.To is { } to ? new Amazon.S3.Model.ByteRange(range.From, to) : new Amazon.S3.Model.ByteRange($"bytes={range.From}-");
        }

        try
        {
            var response = await s3.GetObjectAsync(request, cancellationToken);
            var total = response.ContentRange is { } contentRange ? long.Parse(contentRange[(contentRange.LastIndexOf('/') + 1)..]) : response.ContentLength;
            var offset = response.ContentRange is { } rangeHeader ? long.Parse(rangeHeader.Split(' ', '-')[1]) : 0;
            var info = new BlobInfo(key, total, response.Headers.ContentType ?? BlobContentTypes.FromKey(key), response.ETag,
                response.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.UtcNow);
            return new BlobContent(info, response.ResponseStream, offset, response.ContentLength);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            var head = await HeadAsync(key, cancellationToken);
            throw new BlobRangeNotSatisfiableException(key, head?.Length ?? 0);
        }
    }

    public async Task<BlobInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(_bucket, key, cancellationToken);
            return new BlobInfo(key, metadata.ContentLength, metadata.Headers.ContentType ?? BlobContentTypes.FromKey(key), metadata.ETag,
                metadata.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.UtcNow);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKey.Validate(key);
        await s3.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batch = new List<KeyVersion>(DeleteBatchSize);
        await foreach (var blob in ListAsync(prefix, cancellationToken))
        {
            batch.Add(new KeyVersion { Key = blob.Key });
            if (batch.Count == DeleteBatchSize)
            {
                deleted += await DeleteBatchAsync(batch, cancellationToken);
            }
        }

        return deleted + await DeleteBatchAsync(batch, cancellationToken);
    }

    private async Task<int> DeleteBatchAsync(List<KeyVersion> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = _bucket, Objects = [.. batch], Quiet = true }, cancellationToken);
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"S3 refused to delete {errors.Count} objects, first '{errors[0].Key}': {errors[0].Code} {errors[0].Message}");
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        do
        {
            var response = await s3.ListObjectsV2Async(request, cancellationToken);
            // SDK v4 returns null rather than an empty list.
            foreach (var item in response.S3Objects ?? [])
            {
                yield return new BlobInfo(item.Key, item.Size ?? 0, BlobContentTypes.FromKey(item.Key), item.ETag,
                    item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.UtcNow);
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task CheckAsync(CancellationToken cancellationToken) =>
        await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 }, cancellationToken);

    private void ApplyEncryption(PutObjectRequest request)
    {
        if (Encryption is { } method)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId;
        }
    }

    private void ApplyEncryption(InitiateMultipartUploadRequest request)
    {
        if (Encryption is { } method)
        {
            request.ServerSideEncryptionMethod = method;
            request.ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId;
        }
    }

    private ServerSideEncryptionMethod? Encryption => options.ServerSideEncryption.ToLowerInvariant() switch
    {
        "none" or "" => null,
        "aes256" => ServerSideEncryptionMethod.AES256,
        "aws:kms" => ServerSideEncryptionMethod.AWSKMS,
        var other => throw new InvalidOperationException($"Storage:S3:ServerSideEncryption '{other}' is not one of aws:kms, AES256, none."),
    };

    private string? KmsKeyId => Encryption == ServerSideEncryptionMethod.AWSKMS && !string.IsNullOrWhiteSpace(options.KmsKeyId) ? options.KmsKeyId : null;

    /// <summary>A part read into a pooled buffer; returned to the pool once uploaded.</summary>
    private sealed class RentedPart(byte[] buffer, int length) : IDisposable
    {
        private byte[]? _buffer = buffer;

        public int Length { get; } = length;

        public MemoryStream AsStream() => new(_buffer ?? throw new ObjectDisposedException(nameof(RentedPart)), 0, Length, writable: false);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
