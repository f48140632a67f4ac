using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamingApp.Api.Extensions;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Processing;

namespace StreamingApp.Api.Tests.Media;

/// <summary>
/// The Api's services (SQLite catalog and queue, blob storage, media worker) in a generic host without HTTP, over a
/// data folder that outlives the host, so a test can stop one "process" and start another on the same data.
/// </summary>
public sealed class MediaHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MediaHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IVideoStore Videos => Services.GetRequiredService<IVideoStore>();

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    public IProcessingQueue Queue => Services.GetRequiredService<IProcessingQueue>();

    public IProcessingJobStore Jobs => Services.GetRequiredService<IProcessingJobStore>();

    public static async Task<MediaHost> StartAsync(string dataDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = dataDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = dataDirectory,
            ["Media:Worker:PollInterval"] = "00:00:00.200",
            ["Media:Worker:RetryDelay"] = "00:00:00.100",
            ["Media:X264Preset"] = "ultrafast",
            // No HTTP here, so no token is ever checked; the Api still needs an authority to start.
            ["Auth:Authority"] = "http://127.0.0.1:9",
            ["Auth:Revocations:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddApiServices();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new MediaHost(host);
    }

    /// <summary>A video whose source is <paramref name="sourceFile"/>, stored the way an upload stores it.</summary>
    public async Task<Video> CreateVideoAsync(string? sourceFile, string extension = ".mp4")
    {
        var id = Guid.CreateVersion7().ToString("N");
        var key = $"sources/{id}/source{extension}";
        long size = 0;
        if (sourceFile is not null)
        {
            await using var content = File.OpenRead(sourceFile);
            size = (await Blobs.PutAsync(key, content, BlobContentTypes.FromKey(key), TestContext.Current.CancellationToken)).Length;
        }

        var now = DateTimeOffset.UtcNow;
        var video = new Video
        {
            Id = id,
            OwnerId = "creator",
            Title = "Test clip",
            Status = VideoStatus.Processing,
            Source = new SourceFile(key, size, "sha", BlobContentTypes.FromKey(key)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await Videos.CreateAsync(video, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("Video refused.");
    }

    public async Task<Video> WaitForAsync(string videoId, Func<Video, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var video = await Videos.GetAsync(videoId, TestContext.Current.CancellationToken);
            if (video is not null && done(video))
            {
                return video;
            }

            if (DateTime.UtcNow > deadline)
            {
                var job = await Jobs.GetAsync(videoId, TestContext.Current.CancellationToken);
                throw new TimeoutException($"Video {videoId} did not get there: {video?.Status} {video?.ProcessingProgress}% '{video?.FailureReason}', job {job}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public Task StopAsync() => _host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
