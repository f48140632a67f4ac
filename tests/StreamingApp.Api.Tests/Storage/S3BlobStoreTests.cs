using Amazon.S3.Model;

[assembly: AssemblyFixture(typeof(MotoServer))]

namespace StreamingApp.Api.Tests.Storage;

/// <summary>The blob contract against moto_server, a real server for the S3 protocol started on a free loopback port.</summary>
public sealed class S3BlobStoreTests(MotoServer moto) : BlobStoreContract
{
    // The smallest part S3 accepts, so the multipart path is crossed with little data.
    private const int MinimumPartSize = 5 * 1024 * 1024;

    private string? _bucket;

    protected override int PartSizeBytes => MinimumPartSize;

    protected override async Task<IBlobStore> CreateStoreAsync() => await CreateS3StoreAsync();

    private async Task<S3BlobStore> CreateS3StoreAsync()
    {
        _bucket ??= await moto.CreateBucketAsync();
        return new S3BlobStore(moto.CreateClient(), new S3StorageOptions
        {
            Bucket = _bucket,
            ServiceUrl = moto.ServiceUrl,
            ServerSideEncryption = "AES256",
            PartSizeBytes = MinimumPartSize,
            UploadConcurrency = 2,
        });
    }

    [Fact]
    public async Task Large_writes_use_multipart_and_objects_are_encrypted_at_rest()
    {
        var store = await CreateS3StoreAsync();
        await store.PutAsync("sources/enc.mp4", new ForwardOnlyStream(new byte[MinimumPartSize + 1]), "video/mp4", Cancellation);

        var metadata = await store.Client.GetObjectMetadataAsync(_bucket, "sources/enc.mp4", Cancellation);

        Assert.Equal("AES256", metadata.ServerSideEncryptionMethod?.Value);
        // A multipart ETag ends with the number of parts.
        Assert.EndsWith("-2\"", metadata.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_multipart_write_is_aborted()
    {
        var store = await CreateS3StoreAsync();

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("sources/abort.mp4", new ForwardOnlyStream(new byte[MinimumPartSize * 2], failAfter: MinimumPartSize + 10), "video/mp4", Cancellation));

        var uploads = await store.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket }, Cancellation);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }
}
