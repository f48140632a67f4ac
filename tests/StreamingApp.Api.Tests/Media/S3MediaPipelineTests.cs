using Microsoft.Extensions.DependencyInjection;

namespace StreamingApp.Api.Tests.Media;

/// <summary>The pipeline with its sources and outputs in S3, against moto_server (a server for the S3 protocol, not AWS).</summary>
public sealed class S3MediaPipelineTests(MotoServer moto, MediaClips clips) : IDisposable
{
    private readonly TemporaryDirectory _data = new("media-s3");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_source_in_s3_is_downloaded_processed_and_published_back_to_s3()
    {
        var bucket = await moto.CreateBucketAsync();
        var store = new S3BlobStore(moto.CreateClient(), new S3StorageOptions { Bucket = bucket, ServiceUrl = moto.ServiceUrl, ServerSideEncryption = "none" });
        await using var host = await MediaHost.StartAsync(_data.Path, services: services => services.AddSingleton<IBlobStore>(store));
        var video = await host.CreateVideoAsync(await clips.SmallAsync());

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var ready = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Ready);

        await MediaPipelineTests.AssertPlaylistsCompleteAsync(store, ready);
        Assert.Equal("text/vtt", (await store.HeadAsync(ready.StoryboardKey!, Cancellation))?.ContentType);
        Assert.Equal("image/jpeg", (await store.HeadAsync(ready.ThumbnailKey!, Cancellation))?.ContentType);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Combine("tmp")));
    }

    public void Dispose() => _data.Dispose();
}
