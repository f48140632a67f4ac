using System.Security.Cryptography;
using System.Text;

namespace StreamingApp.Api.Tests.Storage;

/// <summary>The behaviour every <see cref="IBlobStore"/> provider must have; each provider runs all of it.</summary>
public abstract class BlobStoreContract
{
    protected abstract Task<IBlobStore> CreateStoreAsync();

    /// <summary>A part size the provider uses for streamed writes, so tests can cross it.</summary>
    protected abstract int PartSizeBytes { get; }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_then_get_returns_the_same_bytes_and_metadata()
    {
        var store = await CreateStoreAsync();
        var content = Encoding.UTF8.GetBytes("#EXTM3U\n#EXT-X-VERSION:7\n");

        var written = await store.PutAsync("media/v1/master.m3u8", new MemoryStream(content), "application/vnd.apple.mpegurl", Cancellation);

        Assert.Equal(content.Length, written.Length);
        await using var read = await store.GetAsync("media/v1/master.m3u8", null, Cancellation);
        Assert.NotNull(read);
        Assert.Equal(content, await ReadAllAsync(read.Stream));
        Assert.Equal("application/vnd.apple.mpegurl", read.Info.ContentType);
        Assert.Equal(content.Length, read.Info.Length);
        Assert.Equal(0, read.Offset);
    }

    [Fact]
    public async Task Put_replaces_an_existing_object()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("a/b.txt", new MemoryStream("first"u8.ToArray()), "text/plain", Cancellation);
        await store.PutAsync("a/b.txt", new MemoryStream("second"u8.ToArray()), "text/plain", Cancellation);

        await using var read = await store.GetAsync("a/b.txt", null, Cancellation);
        Assert.Equal("second"u8.ToArray(), await ReadAllAsync(read!.Stream));
    }

    [Fact]
    public async Task Get_with_a_range_returns_exactly_those_bytes()
    {
        var store = await CreateStoreAsync();
        var content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await store.PutAsync("seg/0001.m4s", new MemoryStream(content), "video/iso.segment", Cancellation);

        await using (var middle = await store.GetAsync("seg/0001.m4s", new ByteRange(100, 199), Cancellation))
        {
            Assert.Equal(content[100..200], await ReadAllAsync(middle!.Stream));
            Assert.Equal(100, middle.Offset);
            Assert.Equal(100, middle.Length);
            Assert.Equal(1000, middle.Info.Length);
        }

        await using (var tail = await store.GetAsync("seg/0001.m4s", new ByteRange(900, null), Cancellation))
        {
            Assert.Equal(content[900..], await ReadAllAsync(tail!.Stream));
            Assert.Equal(100, tail.Length);
        }

        await using (var clamped = await store.GetAsync("seg/0001.m4s", new ByteRange(990, 5000), Cancellation))
        {
            Assert.Equal(content[990..], await ReadAllAsync(clamped!.Stream));
        }
    }

    [Fact]
    public async Task Get_with_a_range_past_the_end_is_not_satisfiable()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("seg/short.m4s", new MemoryStream(new byte[10]), "video/iso.segment", Cancellation);

        var error = await Assert.ThrowsAsync<BlobRangeNotSatisfiableException>(() => store.GetAsync("seg/short.m4s", new ByteRange(10, null), Cancellation));
        Assert.Equal(10, error.ObjectLength);
    }

    [Fact]
    public async Task Missing_objects_read_as_null_and_delete_quietly()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("nothing/here.mp4", null, Cancellation));
        Assert.Null(await store.HeadAsync("nothing/here.mp4", Cancellation));
        await store.DeleteAsync("nothing/here.mp4", Cancellation);
    }

    [Fact]
    public async Task Head_describes_an_object_without_reading_it()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("thumbs/poster.jpg", new MemoryStream(new byte[1234]), "image/jpeg", Cancellation);

        var info = await store.HeadAsync("thumbs/poster.jpg", Cancellation);

        Assert.NotNull(info);
        Assert.Equal(1234, info.Length);
        Assert.Equal("image/jpeg", info.ContentType);
        Assert.False(string.IsNullOrEmpty(info.ETag));
    }

    [Fact]
    public async Task List_returns_only_keys_under_the_prefix_in_order()
    {
        var store = await CreateStoreAsync();
        foreach (var key in new[] { "media/v2/b.m4s", "media/v2/a.m4s", "media/v2/sub/c.m4s", "media/v20/x.m4s", "other/y.m4s" })
        {
            await store.PutAsync(key, new MemoryStream([1, 2, 3]), "video/iso.segment", Cancellation);
        }

        var keys = await store.ListAsync("media/v2/", Cancellation).Select(blob => blob.Key).ToListAsync(Cancellation);

        Assert.Equal(["media/v2/a.m4s", "media/v2/b.m4s", "media/v2/sub/c.m4s"], keys);
    }

    [Fact]
    public async Task Delete_by_prefix_removes_that_prefix_and_nothing_else()
    {
        var store = await CreateStoreAsync();
        foreach (var key in new[] { "media/v1/a.m4s", "media/v1/b/c.m4s", "media/v10/keep.m4s" })
        {
            await store.PutAsync(key, new MemoryStream([1]), "video/iso.segment", Cancellation);
        }

        var deleted = await store.DeletePrefixAsync("media/v1/", Cancellation);

        Assert.Equal(2, deleted);
        Assert.Empty(await store.ListAsync("media/v1/", Cancellation).ToListAsync(Cancellation));
        Assert.NotNull(await store.HeadAsync("media/v10/keep.m4s", Cancellation));
    }

    [Fact]
    public async Task A_stream_larger_than_one_part_round_trips_intact()
    {
        var store = await CreateStoreAsync();
        var content = RandomNumberGenerator.GetBytes(PartSizeBytes * 2 + 12345);

        // A non-seekable stream, like an HTTP request body.
        await store.PutAsync("sources/big.mp4", new ForwardOnlyStream(content), "video/mp4", Cancellation);

        await using var read = await store.GetAsync("sources/big.mp4", null, Cancellation);
        Assert.Equal(content.Length, read!.Info.Length);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await ReadAllAsync(read.Stream)));
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_no_object()
    {
        var store = await CreateStoreAsync();
        var content = new byte[PartSizeBytes + 1000];

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("sources/broken.mp4", new ForwardOnlyStream(content, failAfter: PartSizeBytes + 10), "video/mp4", Cancellation));

        Assert.Null(await store.HeadAsync("sources/broken.mp4", Cancellation));
        Assert.Empty(await store.ListAsync(string.Empty, Cancellation).ToListAsync(Cancellation));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("space in key")]
    [InlineData("")]
    public async Task Keys_that_could_escape_or_differ_between_stores_are_refused(string key)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), "text/plain", Cancellation));
    }

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Cancellation);
        return buffer.ToArray();
    }
}
