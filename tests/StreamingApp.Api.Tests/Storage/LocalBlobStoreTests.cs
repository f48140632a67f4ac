namespace StreamingApp.Api.Tests.Storage;

public sealed class LocalBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TemporaryDirectory _root = new("blobs");

    protected override int PartSizeBytes => 1024 * 1024;

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new LocalBlobStore(_root.Path));

    [Fact]
    public async Task A_failed_write_leaves_no_temporary_file_behind()
    {
        var store = new LocalBlobStore(_root.Path);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("sources/x.mp4", new ForwardOnlyStream(new byte[4096], failAfter: 100), "video/mp4", Cancellation));

        Assert.Empty(Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deleting_a_prefix_removes_the_emptied_folders()
    {
        var store = new LocalBlobStore(_root.Path);
        await store.PutAsync("media/abc/v1/seg.m4s", new MemoryStream([1]), "video/iso.segment", Cancellation);

        await store.DeletePrefixAsync("media/abc/", Cancellation);

        Assert.False(Directory.Exists(Path.Combine(_root.Path, "media", "abc")));
    }

    public void Dispose() => _root.Dispose();
}
