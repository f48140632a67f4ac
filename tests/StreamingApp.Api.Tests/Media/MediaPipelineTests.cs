using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StreamingApp.Api.Media.Processing;

namespace StreamingApp.Api.Tests.Media;

/// <summary>Enqueue to published video with real ffmpeg, SQLite and the local blob store, and what happens when things go wrong.</summary>
public sealed partial class MediaPipelineTests(MediaClips clips) : IDisposable
{
    private readonly TemporaryDirectory _data = new("media");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_small_source_is_published_with_one_rendition_at_its_own_size_a_thumbnail_and_a_storyboard()
    {
        await using var host = await MediaHost.StartAsync(_data.Path);
        var video = await host.CreateVideoAsync(await clips.SmallAsync());

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var ready = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Ready);

        Assert.Equal(100, ready.ProcessingProgress);
        Assert.Null(ready.FailureReason);
        Assert.InRange(ready.DurationSeconds!.Value, 1.9, 2.2);
        Assert.NotNull(ready.PublishedAt);
        Assert.Equal($"media/{video.Id}/v1/", ready.MediaPrefix);
        var rendition = Assert.Single(ready.Renditions);
        Assert.Equal((320, 240, "240p/index.m3u8"), (rendition.Width, rendition.Height, rendition.Playlist));
        // The profile and level are what x264 chose (the fast test preset gives constrained baseline).
        Assert.Matches(@"^avc1\.[0-9a-f]{6},mp4a\.40\.2$", rendition.Codecs);
        Assert.True(rendition.Bandwidth > 0);

        await AssertPlaylistsCompleteAsync(host.Blobs, ready);
        Assert.Equal("image/jpeg", (await host.Blobs.HeadAsync(ready.ThumbnailKey!, Cancellation))?.ContentType);
        await AssertStoryboardAsync(host.Blobs, ready);
        Assert.Null(await host.Jobs.GetAsync(video.Id, Cancellation));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data.Combine("tmp")));
    }

    [Fact]
    public async Task An_hd_source_gets_360p_and_720p_lowest_first_and_reprocessing_replaces_the_previous_version()
    {
        await using var host = await MediaHost.StartAsync(_data.Path);
        var video = await host.CreateVideoAsync(await clips.HdAsync());

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var ready = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Ready);

        Assert.Equal([(640, 360), (1280, 720)], ready.Renditions.Select(r => (r.Width, r.Height)));
        var master = await ReadTextAsync(host.Blobs, ready.MediaPrefix + "master.m3u8");
        var variants = StreamInf().Matches(master).Select(match => match.Groups).ToList();
        Assert.Equal(["640x360", "1280x720"], variants.Select(groups => groups["resolution"].Value));
        Assert.True(int.Parse(variants[0]["bandwidth"].Value, CultureInfo.InvariantCulture) < int.Parse(variants[1]["bandwidth"].Value, CultureInfo.InvariantCulture));
        Assert.All(variants, groups => Assert.Matches(@"^avc1\.[0-9a-f]{6},mp4a\.40\.2$", groups["codecs"].Value));
        Assert.Equal(["360p/index.m3u8", "720p/index.m3u8"], variants.Select(groups => groups["uri"].Value));

        foreach (var rendition in ready.Renditions)
        {
            var durations = SegmentDurations(await ReadTextAsync(host.Blobs, ready.MediaPrefix + rendition.Playlist));
            // A 9 s source: two full 4 s segments cut on forced keyframes, then the remainder.
            Assert.Equal(3, durations.Count);
            Assert.All(durations[..^1], duration => Assert.Equal(4.0, duration, 0.05));
        }

        await AssertPlaylistsCompleteAsync(host.Blobs, ready);

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var reprocessed = await host.WaitForAsync(video.Id, v => v.MediaPrefix == $"media/{video.Id}/v2/" && v.Status == VideoStatus.Ready);

        Assert.Equal(ready.PublishedAt, reprocessed.PublishedAt);
        Assert.Empty(await host.Blobs.ListAsync(ready.MediaPrefix!, Cancellation).ToListAsync(Cancellation));
        await AssertPlaylistsCompleteAsync(host.Blobs, reprocessed);
    }

    [Fact]
    public async Task A_source_without_sound_is_published_with_video_only_renditions()
    {
        await using var host = await MediaHost.StartAsync(_data.Path);
        var video = await host.CreateVideoAsync(await clips.SilentAsync());

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var ready = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Ready);

        Assert.Matches(@"^avc1\.[0-9a-f]{6}$", Assert.Single(ready.Renditions).Codecs);
        await AssertPlaylistsCompleteAsync(host.Blobs, ready);
    }

    [Fact]
    public async Task An_unusable_source_fails_at_once_with_the_probe_reason()
    {
        await using var host = await MediaHost.StartAsync(_data.Path);
        var text = _data.Combine("notes.mp4");
        await File.WriteAllTextAsync(text, "not a video", Cancellation);
        var video = await host.CreateVideoAsync(text);

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var failed = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Failed);

        Assert.Equal("The file is not a video that can be read: it may be damaged or in an unsupported format.", failed.FailureReason);
        Assert.Null(await host.Jobs.GetAsync(video.Id, Cancellation));
        Assert.Null(failed.MediaPrefix);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_and_then_succeeds()
    {
        // Attempts to spare: on a busy machine putting the source back can take longer than a few retries.
        await using var host = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Media:Worker:RetryDelay"] = "00:00:01",
            ["Media:Worker:MaxAttempts"] = "20",
            ["Media:Worker:MaxRetryDelay"] = "00:00:02",
        });
        // The source is not there yet, as when storage is briefly unreachable.
        var video = await host.CreateVideoAsync(null);

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var waiting = await WaitForJobAsync(host, video.Id, job => job.LastError is not null && job.LeaseId is null);
        await using (var source = File.OpenRead(await clips.SmallAsync()))
        {
            await host.Blobs.PutAsync(video.Source!.Key, source, "video/mp4", Cancellation);
        }

        var ready = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Ready);

        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("not in blob storage", waiting.LastError, StringComparison.Ordinal);
        Assert.InRange(waiting.AvailableAt - waiting.EnqueuedAt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.Single(ready.Renditions);
    }

    [Fact]
    public async Task A_video_fails_with_the_last_error_when_its_attempts_run_out()
    {
        await using var host = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:MaxAttempts"] = "2" });
        var video = await host.CreateVideoAsync(null);

        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        var failed = await host.WaitForAsync(video.Id, v => v.Status == VideoStatus.Failed);

        Assert.Equal($"Processing failed 2 times. Last error: The source file {video.Source!.Key} is not in blob storage.", failed.FailureReason);
        Assert.Null(await host.Jobs.GetAsync(video.Id, Cancellation));
    }

    [Fact]
    public async Task A_deleted_video_is_not_processed()
    {
        await using var host = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" });
        var video = await host.CreateVideoAsync(await clips.SmallAsync());
        await host.Queue.EnqueueAsync(video.Id, Cancellation);
        await host.Videos.DeleteAsync(video.Id, Cancellation);
        await host.StopAsync();

        await using var worker = await MediaHost.StartAsync(_data.Path);
        await WaitForJobGoneAsync(worker, video.Id);

        Assert.Empty(await worker.Blobs.ListAsync("media/", Cancellation).ToListAsync(Cancellation));
    }

    private static async Task<ProcessingJob> WaitForJobAsync(MediaHost host, string videoId, Func<ProcessingJob, bool> condition)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            if (await host.Jobs.GetAsync(videoId, Cancellation) is { } job && condition(job))
            {
                return job;
            }

            await Task.Delay(50, Cancellation);
        }

        throw new TimeoutException($"The job of video {videoId} never reached the expected state.");
    }

    internal static async Task WaitForJobGoneAsync(MediaHost host, string videoId)
    {
        for (var tries = 0; tries < 600 && await host.Jobs.GetAsync(videoId, Cancellation) is not null; tries++)
        {
            await Task.Delay(50, Cancellation);
        }

        Assert.Null(await host.Jobs.GetAsync(videoId, Cancellation));
    }

    /// <summary>The master and every variant playlist refer only to objects that exist, with HLS content types.</summary>
    internal static async Task AssertPlaylistsCompleteAsync(IBlobStore blobs, Video video)
    {
        var masterKey = video.MediaPrefix + "master.m3u8";
        Assert.Equal("application/vnd.apple.mpegurl", (await blobs.HeadAsync(masterKey, Cancellation))?.ContentType);
        foreach (var rendition in video.Renditions)
        {
            var playlistKey = video.MediaPrefix + rendition.Playlist;
            var folder = playlistKey[..(playlistKey.LastIndexOf('/') + 1)];
            var playlist = await ReadTextAsync(blobs, playlistKey);
            Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", playlist, StringComparison.Ordinal);
            var init = InitSegment().Match(playlist).Groups["uri"].Value;
            Assert.Equal("video/mp4", (await blobs.HeadAsync(folder + init, Cancellation))?.ContentType);
            var segments = playlist.Split('\n').Where(line => line.EndsWith(".m4s", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(segments);
            foreach (var segment in segments)
            {
                Assert.Equal("video/iso.segment", (await blobs.HeadAsync(folder + segment, Cancellation))?.ContentType);
            }
        }
    }

    private static async Task AssertStoryboardAsync(IBlobStore blobs, Video video)
    {
        Assert.Equal(video.MediaPrefix + "storyboard.vtt", video.StoryboardKey);
        var track = await ReadTextAsync(blobs, video.StoryboardKey!);
        Assert.StartsWith("WEBVTT\n", track, StringComparison.Ordinal);
        var cues = Cue().Matches(track);
        Assert.Equal(2, cues.Count);
        Assert.Equal("00:00:00.000", cues[0].Groups["start"].Value);
        Assert.Equal("sprite.jpg#xywh=0,0,160,90", cues[0].Groups["target"].Value);
        Assert.Equal("sprite.jpg#xywh=160,0,160,90", cues[1].Groups["target"].Value);
        Assert.Equal("image/jpeg", (await blobs.HeadAsync(video.MediaPrefix + "sprite.jpg", Cancellation))?.ContentType);
    }

    private static List<double> SegmentDurations(string playlist) =>
        ExtInf().Matches(playlist).Select(match => double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    internal static async Task<string> ReadTextAsync(IBlobStore blobs, string key)
    {
        await using var content = await blobs.GetAsync(key, null, Cancellation) ?? throw new FileNotFoundException(key);
        using var reader = new StreamReader(content.Stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Cancellation);
    }

    public void Dispose() => _data.Dispose();

    [GeneratedRegex("#EXT-X-STREAM-INF:BANDWIDTH=(?<bandwidth>\\d+),AVERAGE-BANDWIDTH=\\d+,RESOLUTION=(?<resolution>\\d+x\\d+),CODECS=\"(?<codecs>[^\"]+)\"\\n(?<uri>\\S+)")]
    private static partial Regex StreamInf();

    [GeneratedRegex(@"#EXTINF:([\d.]+),")]
    private static partial Regex ExtInf();

    [GeneratedRegex("#EXT-X-MAP:URI=\"(?<uri>[^\"]+)\"")]
    private static partial Regex InitSegment();

    [GeneratedRegex(@"(?<start>\d{2}:\d{2}:\d{2}\.\d{3}) --> (?<end>\d{2}:\d{2}:\d{2}\.\d{3})\n(?<target>\S+)")]
    private static partial Regex Cue();
}
