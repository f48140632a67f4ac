using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Transcoding;

namespace StreamingApp.Api.Tests.Media;

/// <summary>The decisions made before ffmpeg runs: which renditions, how many storyboard tiles, which version prefix, how long to back off.</summary>
public sealed class TranscodingPlanTests
{
    private static readonly IReadOnlyList<LadderRung> Ladder = MediaOptions.DefaultLadder;

    [Theory]
    [InlineData(1920, 1080, new[] { "640x360", "1280x720", "1920x1080" })]
    [InlineData(1280, 720, new[] { "640x360", "1280x720" })]
    [InlineData(1244, 700, new[] { "640x360" })]
    [InlineData(320, 240, new[] { "320x240" })]
    [InlineData(321, 181, new[] { "322x182" })]
    [InlineData(1080, 1920, new[] { "360x640", "720x1280", "1080x1920" })]
    [InlineData(3840, 2160, new[] { "640x360", "1280x720", "1920x1080" })]
    [InlineData(640, 480, new[] { "480x360" })]
    public void The_ladder_never_upscales_keeps_the_aspect_ratio_and_always_has_a_rendition(int width, int height, string[] expected)
    {
        var plans = RenditionLadder.Plan(Ladder, width, height);

        Assert.Equal(expected, plans.Select(plan => $"{plan.Width}x{plan.Height}"));
        Assert.All(plans, plan => Assert.True(plan.Width % 2 == 0 && plan.Height % 2 == 0));
    }

    [Fact]
    public void A_source_below_the_lowest_rung_gets_a_bitrate_scaled_to_its_size()
    {
        var plan = Assert.Single(RenditionLadder.Plan(Ladder, 320, 240));

        Assert.Equal("240p", plan.Name);
        Assert.InRange(plan.VideoBitrate, 150, 400);
        Assert.Equal(96, plan.AudioBitrate);
    }

    [Fact]
    public void A_configured_ladder_is_used_in_height_order()
    {
        LadderRung[] ladder = [new() { Height = 720, VideoBitrate = 2000, AudioBitrate = 128 }, new() { Height = 480, VideoBitrate = 1200, AudioBitrate = 96 }];

        var plans = RenditionLadder.Plan(ladder, 1920, 1080);

        Assert.Equal(["480p", "720p"], plans.Select(plan => plan.Name));
        Assert.Equal(854, plans[0].Width);
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(100, 1, 100)]
    [InlineData(101, 2, 51)]
    [InlineData(3600, 36, 100)]
    [InlineData(7 * 3600 + 1, 253, 100)]
    public void Storyboards_space_tiles_so_a_long_video_has_at_most_a_hundred(double duration, int interval, int tiles)
    {
        var storyboard = Storyboard.For(duration);

        Assert.Equal(interval, storyboard.IntervalSeconds);
        Assert.Equal(tiles, storyboard.TileCount(written: tiles + 1, duration));
    }

    [Fact]
    public void The_storyboard_track_points_each_cue_at_its_tile_and_the_last_cue_ends_with_the_video()
    {
        var storyboard = Storyboard.For(25 * 3600 + 0.5);
        var tiles = storyboard.TileCount(written: 100, 25 * 3600 + 0.5);

        var lines = storyboard.WebVtt(tiles, 25 * 3600 + 0.5).Split('\n');

        Assert.Equal((10, 10), Storyboard.Grid(tiles));
        Assert.Equal("WEBVTT", lines[0]);
        Assert.Equal("00:00:00.000 --> 00:15:01.000", lines[2]);
        Assert.Equal("sprite.jpg#xywh=0,0,160,90", lines[3]);
        Assert.Equal("sprite.jpg#xywh=160,0,160,90", lines[6]);
        Assert.Equal("24:46:39.000 --> 25:00:00.500", lines[^3]);
        Assert.Equal("sprite.jpg#xywh=1440,810,160,90", lines[^2]);
    }

    [Fact]
    public void The_ladder_is_one_ffmpeg_run_with_aligned_keyframes_and_the_lowest_rendition_first()
    {
        var transcoder = new FfmpegTranscoder(Options.Create(new MediaOptions()));
        var info = new MediaInfo("mov", 30, null, new VideoStreamInfo("h264", 1280, 720, 30, 0), new AudioStreamInfo("aac", 2, 48000));

        var arguments = transcoder.LadderArguments("in.mp4", info, RenditionLadder.Plan(Ladder, 1280, 720), Storyboard.For(30), "out", "tiles");

        Assert.Single(arguments, argument => argument == "-i");
        Assert.StartsWith("[0:V:0]split=3[s0][s1][s2];[s0]scale=640:360,setsar=1[v0];[s1]scale=1280:720,setsar=1[v1];[s2]fps=1/1,", After(arguments, "-filter_complex"));
        Assert.Equal("v:0,a:0,name:360p v:1,a:1,name:720p", After(arguments, "-var_stream_map"));
        Assert.Equal("expr:gte(t,n_forced*4)", After(arguments, "-force_key_frames"));
        Assert.Equal(("120", "0", "veryfast"), (After(arguments, "-g"), After(arguments, "-sc_threshold"), After(arguments, "-preset")));
        Assert.Equal(("fmp4", "vod", "4", "master.m3u8"),
            (After(arguments, "-hls_segment_type"), After(arguments, "-hls_playlist_type"), After(arguments, "-hls_time"), After(arguments, "-master_pl_name")));
        Assert.Equal(("800k", "856k", "2800k"), (After(arguments, "-b:v:0"), After(arguments, "-maxrate:v:0"), After(arguments, "-b:v:1")));
    }

    [Fact]
    public void A_silent_high_frame_rate_source_gets_no_audio_and_sixty_frames_a_second()
    {
        var transcoder = new FfmpegTranscoder(Options.Create(new MediaOptions()));
        var info = new MediaInfo("mov", 10, null, new VideoStreamInfo("h264", 640, 360, 120, 0), null);

        var arguments = transcoder.LadderArguments("in.mp4", info, RenditionLadder.Plan(Ladder, 640, 360), Storyboard.For(10), "out", "tiles");

        Assert.DoesNotContain("-c:a", arguments);
        Assert.DoesNotContain("0:a:0", arguments);
        Assert.Equal("v:0,name:360p", After(arguments, "-var_stream_map"));
        Assert.StartsWith("[0:V:0]fps=60,split=2", After(arguments, "-filter_complex"));
        Assert.Equal("240", After(arguments, "-g"));
    }

    [Fact]
    public void Each_processing_run_publishes_under_the_next_version()
    {
        var video = new Video { Id = "abc", OwnerId = "o", Title = "t" };

        Assert.Equal(1, MediaLayout.NextVersion(video));
        Assert.Equal(8, MediaLayout.NextVersion(video with { MediaPrefix = "media/abc/v7/" }));
        Assert.Equal("media/abc/v8/", MediaLayout.Prefix("abc", 8));
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_cap()
    {
        var worker = new MediaWorkerOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)],
            Enumerable.Range(1, 6).Select(failed => VideoProcessor.RetryDelay(worker, failed)));
    }

    private static string After(IReadOnlyList<string> arguments, string option) => arguments[arguments.ToList().IndexOf(option) + 1];
}
