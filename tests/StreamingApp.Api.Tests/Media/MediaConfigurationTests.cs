using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Processing;

namespace StreamingApp.Api.Tests.Media;

/// <summary>Settings, metrics and progress: how the media pipeline presents itself to operators.</summary>
public sealed class MediaConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("media-config");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Defaults_apply_and_a_configured_ladder_replaces_the_default_one()
    {
        await using (var defaults = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" }))
        {
            var options = defaults.Services.GetRequiredService<IOptions<MediaOptions>>().Value;
            Assert.Equal([360, 720, 1080], options.Ladder.Select(rung => rung.Height));
            Assert.Equal(Path.Combine(_data.Path, "tmp"), options.TempDirectory);
            Assert.Equal((1, 3, TimeSpan.FromMinutes(2)), (options.Worker.Concurrency, options.Worker.MaxAttempts, options.Worker.LeaseDuration));
        }

        await using var configured = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Media:Worker:Enabled"] = "false",
            ["Media:Ladder:0:Height"] = "480",
            ["Media:Ladder:0:VideoBitrate"] = "1200",
            ["Media:Ladder:0:AudioBitrate"] = "96",
        });
        var ladder = configured.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Ladder;
        Assert.Equal([480], ladder.Select(rung => rung.Height));
    }

    [Theory]
    [InlineData("Media:X264Preset", "quick", "X264Preset")]
    [InlineData("Media:Worker:Concurrency", "0", "Concurrency")]
    [InlineData("Media:Ladder:0:Height", "361", "Height")]
    [InlineData("Media:SegmentSeconds", "0", "SegmentSeconds")]
    public async Task Invalid_settings_stop_the_service_at_start(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Media:Ladder", StringComparison.Ordinal))
        {
            settings["Media:Ladder:0:VideoBitrate"] = "800";
            settings["Media:Ladder:0:AudioBitrate"] = "96";
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MediaHost.StartAsync(_data.Path, settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_endpoint_shows_transcode_and_queue_metrics_under_their_prometheus_names()
    {
        // The whole Api: its worker counts the queue when it first finds it empty.
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        var telemetry = api.Services.GetRequiredService<MediaTelemetry>();
        telemetry.RecordTranscode(TimeSpan.FromSeconds(12), renditions: 2);
        telemetry.RecordFailure(permanent: true);
        using var client = api.CreateClient();

        string metrics;
        var tries = 0;
        do
        {
            await Task.Delay(200, Cancellation);
            metrics = await client.GetStringAsync("/metrics", Cancellation);
        }
        while (!metrics.Contains("processing_queue_depth", StringComparison.Ordinal) && ++tries < 50);

        Assert.Matches(@"transcode_duration_seconds_bucket\{[^}]*le=""30""\} 1", metrics);
        Assert.Matches(@"transcode_failures_total\{[^}]*permanent=""true""[^}]*\} 1", metrics);
        Assert.Matches(@"processing_queue_depth\{[^}]*\} 0", metrics);
    }

    [Fact]
    public async Task Progress_is_written_at_most_every_two_seconds_and_only_forward()
    {
        await using var host = await MediaHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["Media:Worker:Enabled"] = "false" });
        var video = await host.CreateVideoAsync(null);
        var time = new FakeTimeProvider();
        var progress = new ProgressWriter(host.Videos, video.Id, time);
        var writes = new List<int>();

        foreach (var (percent, advance) in new[] { (5, 0), (10, 1), (20, 1), (15, 3), (30, 0), (100, 5) })
        {
            time.Advance(TimeSpan.FromSeconds(advance));
            await progress.ReportAsync(percent, Cancellation);
            writes.Add((await host.Videos.GetAsync(video.Id, Cancellation))!.ProcessingProgress);
        }

        // 100 comes only with the published video.
        Assert.Equal([5, 5, 20, 20, 30, 99], writes);
    }

    public void Dispose() => _data.Dispose();
}
