using System.Globalization;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media.Probing;
using StreamingApp.Api.Media.Tools;

namespace StreamingApp.Api.Media.Transcoding;

/// <summary>
/// Drives ffmpeg for one source: a thumbnail by a fast seek, then a single run that decodes the source once and
/// writes every HLS rendition plus the storyboard tiles, then the sprite sheet from those tiles.
/// </summary>
public sealed class FfmpegTranscoder(IOptions<MediaOptions> options)
{
    public const string ThumbnailFileName = "thumbnail.jpg";
    public const int ThumbnailWidth = 640;

    /// <summary>Encoding faster than this frame rate buys nothing for viewers; high-speed recordings are capped.</summary>
    public const double MaxFrameRate = 60;

    private static readonly TimeSpan StillImageTimeout = TimeSpan.FromMinutes(2);

    private MediaOptions Settings => options.Value;

    /// <summary>A frame at a tenth of the video (past intros and fades), at most 640 pixels wide.</summary>
    public Task CreateThumbnailAsync(string source, MediaInfo info, string outputPath, CancellationToken cancellationToken) =>
        RunAsync(
        [
            .. CommonOptions,
            "-ss", Seconds(info.DurationSeconds / 10),
            .. FfprobeMediaProbe.SafeInputOptions(source), "-i", source,
            "-map", "0:V:0", "-frames:v", "1", "-update", "1",
            "-vf", $"scale='min({ThumbnailWidth},iw)':-2", "-q:v", "3", "-map_metadata", "-1",
            outputPath,
        ], StillImageTimeout, null, cancellationToken);

    /// <summary>Encodes the ladder into <paramref name="outputFolder"/> and the storyboard tiles into <paramref name="tilesFolder"/>; returns the renditions.</summary>
    /// <param name="onProgress">Receives the share of the source encoded so far, 0 to 1.</param>
    public async Task<IReadOnlyList<Rendition>> CreateLadderAsync(
        string source, MediaInfo info, IReadOnlyList<RenditionPlan> plans, Storyboard storyboard,
        string outputFolder, string tilesFolder, Func<double, ValueTask> onProgress, CancellationToken cancellationToken)
    {
        var progress = new FfmpegProgress(info.DurationSeconds, onProgress);
        await RunAsync(LadderArguments(source, info, plans, storyboard, outputFolder, tilesFolder), Settings.TranscodeTimeout, progress.OnLineAsync, cancellationToken);
        return WriteMasterPlaylist(outputFolder);
    }

    /// <summary>Lays the tiles out on one sheet and writes the WebVTT track that points at them.</summary>
    public async Task CreateStoryboardAsync(Storyboard storyboard, MediaInfo info, string tilesFolder, string outputFolder, CancellationToken cancellationToken)
    {
        var tiles = storyboard.TileCount(Directory.GetFiles(tilesFolder, "*.jpg").Length, info.DurationSeconds);
        if (tiles == 0)
        {
            throw new InvalidDataException("ffmpeg wrote no storyboard tiles.");
        }

        var (columns, rows) = Storyboard.Grid(tiles);
        await RunAsync(
        [
            .. CommonOptions,
            "-framerate", "1", "-start_number", "1", "-i", Path.Combine(tilesFolder, "%05d.jpg"),
            "-frames:v", "1", "-update", "1", "-vf", $"tile={columns}x{rows}", "-q:v", "5",
            Path.Combine(outputFolder, Storyboard.SpriteFileName),
        ], StillImageTimeout, null, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, Storyboard.TrackFileName), storyboard.WebVtt(tiles, info.DurationSeconds), cancellationToken);
    }

    /// <summary>
    /// The one ffmpeg command line of the ladder: decode once, split, scale per rendition, H.264 + AAC, fMP4 HLS with
    /// keyframes forced on segment boundaries so every rendition cuts at the same times and players can switch anywhere.
    /// </summary>
    public IReadOnlyList<string> LadderArguments(
        string source, MediaInfo info, IReadOnlyList<RenditionPlan> plans, Storyboard storyboard, string outputFolder, string tilesFolder)
    {
        var settings = Settings;
        var segment = settings.SegmentSeconds.ToString(CultureInfo.InvariantCulture);
        var frameRate = info.Video.FrameRate > MaxFrameRate ? MaxFrameRate : info.Video.FrameRate;
        var hasAudio = info.Audio is not null;

        var graph = new List<string>
        {
            $"[0:V:0]{(info.Video.FrameRate > MaxFrameRate ? $"fps={MaxFrameRate.ToString(CultureInfo.InvariantCulture)}," : string.Empty)}" +
            $"split={plans.Count + 1}{string.Concat(Enumerable.Range(0, plans.Count + 1).Select(index => $"[s{index}]"))}",
        };
        graph.AddRange(plans.Select((plan, index) => $"[s{index}]scale={plan.Width}:{plan.Height},setsar=1[v{index}]"));
        graph.Add($"[s{plans.Count}]{storyboard.TileFilter}[tiles]");

        var arguments = new List<string>(CommonOptions) { "-progress", "pipe:1" };
        arguments.AddRange(FfprobeMediaProbe.SafeInputOptions(source));
        arguments.AddRange(["-i", source, "-filter_complex", string.Join(';', graph)]);
        for (var index = 0; index < plans.Count; index++)
        {
            arguments.AddRange(["-map", $"[v{index}]"]);
            if (hasAudio)
            {
                arguments.AddRange(["-map", "0:a:0"]);
            }
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", settings.X264Preset, "-profile:v", "high", "-pix_fmt", "yuv420p"]);
        for (var index = 0; index < plans.Count; index++)
        {
            var bitrate = plans[index].VideoBitrate;
            // A VBV cap keeps segment sizes close to the target, so BANDWIDTH stays honest and players switch smoothly.
            arguments.AddRange([$"-b:v:{index}", $"{bitrate}k", $"-maxrate:v:{index}", $"{bitrate * 107 / 100}k", $"-bufsize:v:{index}", $"{bitrate * 3 / 2}k"]);
        }

        if (frameRate > 0)
        {
            arguments.AddRange(["-g", ((int)Math.Round(frameRate * settings.SegmentSeconds)).ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-sc_threshold", "0", "-force_key_frames", $"expr:gte(t,n_forced*{segment})"]);
        if (hasAudio)
        {
            arguments.AddRange(["-c:a", "aac", "-ac", "2"]);
            for (var index = 0; index < plans.Count; index++)
            {
                arguments.AddRange([$"-b:a:{index}", $"{plans[index].AudioBitrate}k"]);
            }
        }

        var streams = plans.Select((plan, index) => hasAudio ? $"v:{index},a:{index},name:{plan.Name}" : $"v:{index},name:{plan.Name}");
        arguments.AddRange(
        [
            "-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "4096",
            "-f", "hls", "-hls_time", segment, "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
            "-hls_flags", "independent_segments", "-hls_fmp4_init_filename", "init.mp4",
            "-hls_segment_filename", Path.Combine(outputFolder, "%v", "segment_%05d.m4s"),
            "-master_pl_name", HlsPlaylists.MasterFileName, "-var_stream_map", string.Join(' ', streams),
            Path.Combine(outputFolder, "%v", HlsPlaylists.VariantFileName),
            "-map", "[tiles]", "-q:v", "5", Path.Combine(tilesFolder, "%05d.jpg"),
        ]);
        return arguments;
    }

    private static IEnumerable<string> CommonOptions => ["-hide_banner", "-nostdin", "-nostats", "-y", "-v", "error"];

    /// <summary>Replaces ffmpeg's master playlist with the one players get and describes each rendition.</summary>
    private static IReadOnlyList<Rendition> WriteMasterPlaylist(string outputFolder)
    {
        var masterPath = Path.Combine(outputFolder, HlsPlaylists.MasterFileName);
        var measured = HlsPlaylists.ReadMaster(File.ReadAllText(masterPath)).Select(variant =>
        {
            var variantPath = Path.Combine(outputFolder, variant.Uri);
            var folder = Path.GetDirectoryName(variantPath)!;
            var media = HlsPlaylists.ReadVariant(File.ReadAllText(variantPath));
            var missing = media.Segments.Select(segment => segment.Uri).Prepend(media.InitSegment).FirstOrDefault(uri => !File.Exists(Path.Combine(folder, uri)));
            if (missing is not null)
            {
                throw new InvalidDataException($"{variant.Uri} refers to {missing}, which ffmpeg did not write.");
            }

            var (peak, average) = HlsPlaylists.MeasureBitrates(media, uri => new FileInfo(Path.Combine(folder, uri)).Length);
            return (Variant: variant, Peak: peak, Average: average);
        }).ToList();

        File.WriteAllText(masterPath, HlsPlaylists.WriteMaster(measured));
        return measured
            .OrderBy(entry => entry.Peak)
            .Select(entry => new Rendition(entry.Variant.Width, entry.Variant.Height, entry.Peak, entry.Variant.Codecs, entry.Variant.Uri))
            .ToList();
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, Func<string, ValueTask>? onOutputLine, CancellationToken cancellationToken)
    {
        var result = await ExternalTool.RunAsync(new ToolInvocation(Settings.FfmpegPath, arguments, "Media:FfmpegPath", timeout, onOutputLine), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaToolException($"ffmpeg exited with code {result.ExitCode}: {result.StandardError}");
        }
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Reads ffmpeg's <c>-progress</c> lines (<c>out_time_us=...</c>) as the share of the source encoded.</summary>
internal sealed class FfmpegProgress(double durationSeconds, Func<double, ValueTask> onProgress)
{
    public ValueTask OnLineAsync(string line)
    {
        if (!line.StartsWith("out_time_us=", StringComparison.Ordinal)
            || !long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds)
            || durationSeconds <= 0)
        {
            return ValueTask.CompletedTask;
        }

        return onProgress(Math.Clamp(microseconds / 1_000_000.0 / durationSeconds, 0, 1));
    }
}
