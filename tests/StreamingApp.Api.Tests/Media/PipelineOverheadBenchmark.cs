using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Transcoding;

namespace StreamingApp.Api.Tests.Media;

/// <summary>
/// Run on demand (<c>--filter-method *pipeline_costs* --explicit only</c>): the whole pipeline against the bare ffmpeg
/// ladder command on the same 30 s 720p clip, alternating runs; medians and their ratio go to the test output and to
/// <see cref="ReportPath"/>, since runners hide a passing test's output.
/// </summary>
public sealed class PipelineOverheadBenchmark(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 3;

    private readonly TemporaryDirectory _data = new("bench");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task What_the_pipeline_costs_beyond_the_bare_ffmpeg_ladder()
    {
        var clip = _data.Combine("clip.mp4");
        await RunFfmpegAsync(["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=30", "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip]);

        await using var host = await MediaHost.StartAsync(Directory.CreateDirectory(_data.Combine("app")).FullName, new Dictionary<string, string?> { ["Media:X264Preset"] = "veryfast" });
        var options = host.Services.GetRequiredService<IOptions<MediaOptions>>().Value;
        var info = (await host.Services.GetRequiredService<IMediaProbe>().ProbeAsync(clip, Cancellation)).Info!;
        var plans = RenditionLadder.Plan(options.Ladder, info.Video.DisplayWidth, info.Video.DisplayHeight);
        var bare = BareLadderArguments(clip, plans, options.SegmentSeconds);
        Report("bare: ffmpeg " + string.Join(' ', bare));
        var video = await host.CreateVideoAsync(clip);

        var bareTimes = new List<double>();
        var pipelineTimes = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            Directory.CreateDirectory(_data.Combine("bare", "360p"));
            Directory.CreateDirectory(_data.Combine("bare", "720p"));
            var watch = Stopwatch.StartNew();
            await RunFfmpegAsync(bare);
            bareTimes.Add(watch.Elapsed.TotalSeconds);
            Directory.Delete(_data.Combine("bare"), recursive: true);

            var version = round + 1;
            watch.Restart();
            await host.Queue.EnqueueAsync(video.Id, Cancellation);
            await host.WaitForAsync(video.Id, v => v.MediaPrefix == MediaLayout.Prefix(video.Id, version) && v.Status == VideoStatus.Ready, TimeSpan.FromMinutes(5));
            pipelineTimes.Add(watch.Elapsed.TotalSeconds);
            Report($"round {round + 1}: bare {bareTimes[^1]:0.00} s, pipeline {pipelineTimes[^1]:0.00} s");
        }

        var ratio = Median(pipelineTimes) / Median(bareTimes);
        Report($"median bare {Median(bareTimes):0.00} s, median pipeline {Median(pipelineTimes):0.00} s, ratio {ratio:0.000}");
    }

    /// <summary>What a person would type for the same renditions: one decode, split and scale, fMP4 HLS, no thumbnail or storyboard.</summary>
    private IReadOnlyList<string> BareLadderArguments(string clip, IReadOnlyList<RenditionPlan> plans, int segmentSeconds) =>
    [
        "-i", clip,
        "-filter_complex", $"[0:v]split=2[a][b];[a]scale={plans[0].Width}:{plans[0].Height}[v0];[b]scale={plans[1].Width}:{plans[1].Height}[v1]",
        "-map", "[v0]", "-map", "0:a:0", "-map", "[v1]", "-map", "0:a:0",
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
        "-b:v:0", $"{plans[0].VideoBitrate}k", "-maxrate:v:0", $"{plans[0].VideoBitrate * 107 / 100}k", "-bufsize:v:0", $"{plans[0].VideoBitrate * 3 / 2}k",
        "-b:v:1", $"{plans[1].VideoBitrate}k", "-maxrate:v:1", $"{plans[1].VideoBitrate * 107 / 100}k", "-bufsize:v:1", $"{plans[1].VideoBitrate * 3 / 2}k",
        "-g", $"{30 * segmentSeconds}", "-force_key_frames", $"expr:gte(t,n_forced*{segmentSeconds})", "-sc_threshold", "0",
        "-c:a", "aac", "-ac", "2", "-b:a:0", $"{plans[0].AudioBitrate}k", "-b:a:1", $"{plans[1].AudioBitrate}k",
        "-f", "hls", "-hls_time", $"{segmentSeconds}", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
        "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0,a:0,name:360p v:1,a:1,name:720p",
        "-hls_segment_filename", _data.Combine("bare", "%v", "segment_%05d.m4s"), _data.Combine("bare", "%v", "index.m3u8"),
    ];

    private static async Task RunFfmpegAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments]) { UseShellExecute = false })!;
        await process.WaitForExitAsync(Cancellation);
        Assert.Equal(0, process.ExitCode);
    }

    private static string ReportPath => Path.Combine(Path.GetTempPath(), "streamingapp-pipeline-benchmark.txt");

    private void Report(string line)
    {
        output.WriteLine(line);
        File.AppendAllText(ReportPath, line + Environment.NewLine);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public void Dispose() => _data.Dispose();
}
