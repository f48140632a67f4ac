using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Probing;
using StreamingApp.Api.Media.Tools;

[assembly: AssemblyFixture(typeof(StreamingApp.Api.Tests.Media.MediaClips))]

namespace StreamingApp.Api.Tests.Media;

/// <summary>The probe against the real ffprobe, with clips made at test time and files that are not videos at all.</summary>
public sealed class FfprobeMediaProbeTests(MediaClips clips)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static FfprobeMediaProbe Probe(MediaOptions? options = null) => new(Options.Create(options ?? new MediaOptions()));

    [Fact]
    public async Task A_valid_clip_is_described()
    {
        var result = await Probe().ProbeAsync(await clips.SmallAsync(), Cancellation);

        Assert.True(result.IsUsableVideo, result.Problem);
        var info = result.Info!;
        Assert.Contains("mp4", info.FormatName, StringComparison.Ordinal);
        Assert.InRange(info.DurationSeconds, 1.9, 2.2);
        Assert.Equal(new VideoStreamInfo("h264", 320, 240, 5, 0), info.Video);
        Assert.NotNull(info.Audio);
        Assert.Equal("aac", info.Audio.Codec);
        Assert.True(info.Audio.SampleRate > 0);
    }

    [Fact]
    public async Task A_clip_without_sound_is_usable_without_audio()
    {
        var result = await Probe().ProbeAsync(await clips.SilentAsync(), Cancellation);

        Assert.True(result.IsUsableVideo, result.Problem);
        Assert.Null(result.Info!.Audio);
    }

    [Fact]
    public async Task A_rotated_clip_reports_its_rotation_and_display_size()
    {
        var result = await Probe().ProbeAsync(await clips.RotatedAsync(), Cancellation);

        var video = result.Info!.Video;
        Assert.Contains(video.Rotation, new[] { 90, 270 });
        Assert.Equal((240, 320), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public async Task An_audio_only_file_is_refused_as_having_no_video()
    {
        var result = await Probe().ProbeAsync(await clips.AudioOnlyAsync(), Cancellation);

        Assert.False(result.IsUsableVideo);
        Assert.Contains("no video", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_mp4_is_not_a_readable_video()
    {
        var path = clips.Combine($"{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(path, "This is a shopping list, not a film.\n", Cancellation);

        var result = await Probe().ProbeAsync(path, Cancellation);

        Assert.Equal("The file is not a video that can be read: it may be damaged or in an unsupported format.", result.Problem);
    }

    [Fact]
    public async Task An_empty_file_is_refused_before_running_ffprobe()
    {
        var path = clips.Combine($"{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, [], Cancellation);

        var result = await Probe(new MediaOptions { FfprobePath = "/nonexistent/ffprobe" }).ProbeAsync(path, Cancellation);

        Assert.Contains("empty", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mp4_cut_in_half_is_reported_as_incomplete()
    {
        var whole = await File.ReadAllBytesAsync(await clips.SmallAsync(), Cancellation);
        var path = clips.Combine($"{Guid.NewGuid():N}.mp4");
        // ffmpeg writes the index (moov) at the end, so the first half has none.
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)], Cancellation);

        var result = await Probe().ProbeAsync(path, Cancellation);

        Assert.False(result.IsUsableVideo);
        Assert.Contains("incomplete", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ffprobe_is_an_error_that_names_the_setting()
    {
        var clip = await clips.SmallAsync();

        var error = await Assert.ThrowsAsync<MediaToolException>(() =>
            Probe(new MediaOptions { FfprobePath = "/nonexistent/ffprobe" }).ProbeAsync(clip, Cancellation));

        Assert.Contains("Media:FfprobePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,"disposition":{"attached_pic":1}},{"codec_type":"audio","codec_name":"mp3"}],"format":{"duration":"180.0"}}""", "cover picture")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"h264","width":1280,"height":720}],"format":{"duration":"0.000000"}}""", "length cannot be determined")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"h264","width":1280,"height":720}],"format":{}}""", "length cannot be determined")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"h264","width":15360,"height":8640}],"format":{"duration":"10"}}""", "largest supported size")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"h264","width":8,"height":8}],"format":{"duration":"10"}}""", "at least 16x16")]
    [InlineData("""{"streams":[],"format":{"duration":"10"}}""", "no video")]
    [InlineData("""not json""", "could not be read")]
    public void Ffprobe_output_that_describes_no_usable_video_gets_a_reason(string json, string reason)
    {
        var result = FfprobeMediaProbe.Interpret(json);

        Assert.False(result.IsUsableVideo);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cover_picture_next_to_a_real_video_stream_is_ignored_and_side_data_rotation_is_read()
    {
        var result = FfprobeMediaProbe.Interpret("""
            {"streams":[
              {"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,"disposition":{"attached_pic":1}},
              {"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,"avg_frame_rate":"30000/1001",
               "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]}],
             "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.5","bit_rate":"4000000"}}
            """);

        var info = result.Info!;
        Assert.Equal("hevc", info.Video.Codec);
        Assert.Equal(270, info.Video.Rotation);
        Assert.Equal((1080, 1920), (info.Video.DisplayWidth, info.Video.DisplayHeight));
        Assert.Equal(29.97, info.Video.FrameRate, 2);
        Assert.Equal(4_000_000, info.BitRate);
        Assert.Null(info.Audio);
    }
}
