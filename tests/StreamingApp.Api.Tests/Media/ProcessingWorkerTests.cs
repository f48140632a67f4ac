using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StreamingApp.Api.Media;

namespace StreamingApp.Api.Tests.Media;

/// <summary>How the background worker claims, shares out, hands back and recovers jobs.</summary>
public sealed class ProcessingWorkerTests(MediaClips clips) : IDisposable
{
    private readonly TemporaryDirectory _data = new("worker");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_left_by_a_killed_worker_is_finished_by_another_once_its_lease_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lease = TimeSpan.FromMinutes(2);
        Action<IServiceCollection> onFakeTime = services => services.AddSingleton<TimeProvider>(time);
        string videoId;
        await using (var crashed = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" }, onFakeTime))
        {
            var video = await crashed.CreateVideoAsync(await clips.SmallAsync());
            videoId = video.Id;
            await crashed.Queue.EnqueueAsync(videoId, Cancellation);
            // Claimed, then the process dies: no heartbeat, no completion.
            Assert.NotNull(await crashed.Jobs.ClaimAsync("killed-worker", lease, Cancellation));
        }

        time.Advance(lease + TimeSpan.FromSeconds(1));
        await using var survivor = await MediaHost.StartAsync(_data.Path, services: onFakeTime);
        var ready = await survivor.WaitForAsync(videoId, v => v.Status == VideoStatus.Ready);

        Assert.Single(ready.Renditions);
        await MediaPipelineTests.AssertPlaylistsCompleteAsync(survivor.Blobs, ready);
        Assert.Null(await survivor.Jobs.GetAsync(videoId, Cancellation));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_worker_processes_as_many_jobs_at_once_as_its_concurrency(int concurrency)
    {
        var probe = new GatedProbe();
        await using var host = await MediaHost.StartAsync(_data.Path,
            new Dictionary<string, string?> { ["Media:Worker:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            services => services.AddSingleton<IMediaProbe>(probe));
        var videos = new List<Video>();
        for (var index = 0; index < 3; index++)
        {
            videos.Add(await host.CreateVideoAsync(await clips.SmallAsync()));
            await host.Queue.EnqueueAsync(videos[^1].Id, Cancellation);
        }

        await probe.WaitForCallersAsync(concurrency);
        // Give a slot that should not exist the time to start.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        probe.Open();
        foreach (var video in videos)
        {
            await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Failed);
        }

        Assert.Equal(concurrency, probe.MostAtOnce);
    }

    [Fact]
    public async Task A_disabled_worker_leaves_jobs_alone()
    {
        await using var host = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" });
        var video = await host.CreateVideoAsync(await clips.SmallAsync());

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);

        var job = await host.Jobs.GetAsync(video.Id, Cancellation);
        Assert.Equal((0, null), (job?.Attempts, job?.LeaseId));
        Assert.Equal(VideoStatus.Processing, (await host.Videos.GetAsync(video.Id, Cancellation))?.Status);
        Assert.Equal(1, await host.Queue.CountPendingAsync(Cancellation));
    }

    [Fact]
    public async Task Shutting_down_mid_job_hands_it_back_without_using_an_attempt_and_cleans_up()
    {
        var probe = new GatedProbe();
        var host = await MediaHost.StartAsync(_data.Path, services: services => services.AddSingleton<IMediaProbe>(probe));
        var video = await host.CreateVideoAsync(await clips.SmallAsync());
        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        await probe.WaitForCallersAsync(1);

        await host.DisposeAsync();

        await using var after = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" });
        var job = await after.Jobs.GetAsync(video.Id, Cancellation);
        Assert.Equal((0, null), (job?.Attempts, job?.LeaseId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Combine("tmp")));
    }

    [Fact]
    public async Task Job_folders_left_by_a_killed_process_are_swept_at_start()
    {
        var stale = Directory.CreateDirectory(_data.Combine("tmp", "job-stale-lease"));
        File.WriteAllText(Path.Combine(stale.FullName, "source.mp4"), "partial");
        File.SetLastWriteTimeUtc(Path.Combine(stale.FullName, "source.mp4"), DateTime.UtcNow.AddHours(-1));
        stale.LastWriteTimeUtc = DateTime.UtcNow.AddHours(-1);
        var active = Directory.CreateDirectory(_data.Combine("tmp", "job-active-lease"));
        var unrelated = Directory.CreateDirectory(_data.Combine("tmp", "something-else"));
        unrelated.LastWriteTimeUtc = DateTime.UtcNow.AddHours(-1);

        await using var host = await MediaHost.StartAsync(_data.Path);
        // The worker sweeps in the background after start: give it time on a busy machine, but not forever.
        for (var waited = TimeSpan.Zero; Directory.Exists(stale.FullName) && waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(100, Cancellation);
        }

        Assert.False(Directory.Exists(stale.FullName));
        Assert.True(Directory.Exists(active.FullName));
        Assert.True(Directory.Exists(unrelated.FullName));
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A probe that holds every caller until opened, counting how many were inside at once; then calls the file unusable.</summary>
    private sealed class GatedProbe : IMediaProbe
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;
        private int _mostAtOnce;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public void Open() => _open.TrySetResult();

        public async Task WaitForCallersAsync(int count)
        {
            for (var tries = 0; tries < 600 && Volatile.Read(ref _inside) < count; tries++)
            {
                await Task.Delay(50, Cancellation);
            }

            Assert.Equal(count, Volatile.Read(ref _inside));
        }

        public async Task<MediaProbeResult> ProbeAsync(string input, CancellationToken cancellationToken)
        {
            var inside = Interlocked.Increment(ref _inside);
            InterlockedMax(ref _mostAtOnce, inside);
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
                return MediaProbeResult.Unusable("Held by the test.");
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
