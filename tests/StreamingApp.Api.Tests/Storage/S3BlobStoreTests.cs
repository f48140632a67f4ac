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

    [Fact]
    public async Task Presigned_urls_read_and_write_objects_without_credentials()
    {
        var store = await CreateS3StoreAsync();
        using var http = new HttpClient();

        var putUrl = await store.PresignPutAsync("sources/direct.mp4", "video/mp4", TimeSpan.FromMinutes(5));
        using var content = new ByteArrayContent([1, 2, 3, 4]);
        content.Headers.ContentType = new("video/mp4");
        (await http.PutAsync(putUrl, content, Cancellation)).EnsureSuccessStatusCode();
        var getUrl = await store.PresignGetAsync("sources/direct.mp4", TimeSpan.FromMinutes(5));

        Assert.StartsWith(moto.ServiceUrl, putUrl, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await http.GetByteArrayAsync(getUrl, Cancellation));
    }

    [Fact]
    public async Task A_browser_style_multipart_upload_can_be_listed_resumed_and_completed()
    {
        var store = await CreateS3StoreAsync();
        using var http = new HttpClient();
        var parts = new[] { new byte[MinimumPartSize], new byte[1000] };
        Random.Shared.NextBytes(parts[0]);
        var uploadId = await store.StartMultipartUploadAsync("sources/multi.mp4", "video/mp4", Cancellation);

        for (var number = 1; number <= parts.Length; number++)
        {
            var url = await store.PresignUploadPartAsync("sources/multi.mp4", uploadId, number, TimeSpan.FromMinutes(5));
            (await http.PutAsync(url, new ByteArrayContent(parts[number - 1]), Cancellation)).EnsureSuccessStatusCode();
        }

        var received = await store.ListPartsAsync("sources/multi.mp4", uploadId, Cancellation);
        Assert.NotNull(received);
        Assert.Equal([1, 2], received.Select(part => part.PartNumber));
        Assert.Equal([MinimumPartSize, 1000L], received.Select(part => part.Size));

        await store.CompleteMultipartUploadAsync("sources/multi.mp4", uploadId, received, Cancellation);

        await using var read = await store.GetAsync("sources/multi.mp4", null, Cancellation);
        Assert.Equal(parts[0].Concat(parts[1]).ToArray(), await ReadAllAsync(read!.Stream));
        Assert.Null(await store.ListPartsAsync("sources/multi.mp4", uploadId, Cancellation));
    }

    [Fact]
    public async Task An_aborted_multipart_upload_leaves_nothing()
    {
        var store = await CreateS3StoreAsync();
        var uploadId = await store.StartMultipartUploadAsync("sources/abandoned.mp4", "video/mp4", Cancellation);

        await store.AbortMultipartUploadAsync("sources/abandoned.mp4", uploadId, Cancellation);
        await store.AbortMultipartUploadAsync("sources/abandoned.mp4", uploadId, Cancellation);

        Assert.Null(await store.ListPartsAsync("sources/abandoned.mp4", uploadId, Cancellation));
        Assert.Null(await store.HeadAsync("sources/abandoned.mp4", Cancellation));
    }
}
