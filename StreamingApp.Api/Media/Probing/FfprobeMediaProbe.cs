using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media.Tools;

namespace StreamingApp.Api.Media.Probing;

/// <summary>
/// <see cref="IMediaProbe"/> with ffprobe's JSON output. Only known containers and, for local files, only the file
/// protocol are allowed, so a crafted upload (an HLS or concat playlist) cannot make the tools read other files
/// or reach the network.
/// </summary>
public sealed class FfprobeMediaProbe(IOptions<MediaOptions> options) : IMediaProbe
{
    /// <summary>Demuxers ffprobe and ffmpeg may use on uploads: video containers, plus audio ones so audio-only uploads get a clear answer.</summary>
    public const string AllowedFormats = "mov,mp4,matroska,webm,avi,mpegts,flv,mpeg,asf,ogg,mxf,mp3,wav,aac,flac";

    public const int MaxDimension = 8192;
    public const int MinDimension = 16;

    private const int MaxOutputBytes = 4 << 20;

    /// <summary>Input options that keep a source from pulling in anything but itself; shared with the transcoder.</summary>
    public static IEnumerable<string> SafeInputOptions(string input) =>
        ["-protocol_whitelist", IsUrl(input) ? "http,https,tcp,tls" : "file", "-format_whitelist", AllowedFormats];

    public async Task<MediaProbeResult> ProbeAsync(string input, CancellationToken cancellationToken)
    {
        var isUrl = IsUrl(input);
        if (!isUrl)
        {
            var file = new FileInfo(input);
            if (!file.Exists)
            {
                throw new FileNotFoundException("The file to probe does not exist.", input);
            }

            if (file.Length == 0)
            {
                return MediaProbeResult.Unusable("The file is empty (0 bytes). Upload it again.");
            }
        }

        var settings = options.Value;
        var arguments = new List<string> { "-hide_banner", "-v", "error" };
        if (isUrl)
        {
            // Microseconds: a stalled connection fails instead of waiting for the overall timeout.
            arguments.AddRange(["-rw_timeout", "15000000"]);
        }

        arguments.AddRange(SafeInputOptions(input));
        arguments.AddRange(["-print_format", "json", "-show_format", "-show_streams", input]);

        ToolResult result;
        try
        {
            result = await ExternalTool.RunAsync(
                new ToolInvocation(settings.FfprobePath, arguments, "Media:FfprobePath", settings.ProbeTimeout, MaxOutputBytes: MaxOutputBytes),
                cancellationToken);
        }
        catch (TimeoutException) when (!isUrl)
        {
            // A local file that takes this long to read is damaged or hostile, not a slow network.
            return MediaProbeResult.Unusable("The file could not be analysed in time; it may be damaged.");
        }

        if (result.OutputTruncated)
        {
            return MediaProbeResult.Unusable("The file describes far too many streams to be an ordinary video.");
        }

        if (result.ExitCode != 0)
        {
            return isUrl && IsNetworkError(result.StandardError)
                ? throw new MediaToolException($"ffprobe could not fetch {Redact(input)}: {result.StandardError.Replace(input, Redact(input), StringComparison.Ordinal)}")
                : MediaProbeResult.Unusable(await DescribeReadFailureAsync(input, isUrl, result.StandardError, cancellationToken));
        }

        return Interpret(result.StandardOutput);
    }

    /// <summary>Turns ffprobe's JSON into the media description, or the reason the file cannot be used.</summary>
    public static MediaProbeResult Interpret(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return MediaProbeResult.Unusable("The file could not be read as a video.");
        }

        using (document)
        {
            var root = document.RootElement;
            var streams = root.TryGetProperty("streams", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            var video = streams.FirstOrDefault(stream => Text(stream, "codec_type") == "video" && !IsAttachedPicture(stream));
            var audio = streams.FirstOrDefault(stream => Text(stream, "codec_type") == "audio");

            if (video.ValueKind == JsonValueKind.Undefined)
            {
                return MediaProbeResult.Unusable(
                    streams.Any(IsAttachedPicture) ? "The file only holds a still cover picture, not a moving video."
                    : audio.ValueKind != JsonValueKind.Undefined ? "The file has sound but no video. Upload a video file."
                    : "The file contains no video.");
            }

            var format = root.TryGetProperty("format", out var formatElement) ? formatElement : default;
            var duration = Number(format, "duration") ?? Number(video, "duration");
            if (duration is not > 0 || double.IsInfinity(duration.Value))
            {
                return MediaProbeResult.Unusable("The video's length cannot be determined; the file may be damaged or a recording that was never finished.");
            }

            var width = (int)Math.Min(Integer(video, "width") ?? 0, int.MaxValue);
            var height = (int)Math.Min(Integer(video, "height") ?? 0, int.MaxValue);
            if (width == 0 || height == 0)
            {
                return MediaProbeResult.Unusable("The video has no picture size; the file may be damaged.");
            }

            if (width > MaxDimension || height > MaxDimension)
            {
                return MediaProbeResult.Unusable($"The video is {width}x{height} pixels; the largest supported size is 8K ({MaxDimension} pixels on a side).");
            }

            if (width < MinDimension || height < MinDimension)
            {
                return MediaProbeResult.Unusable($"The video is only {width}x{height} pixels; it must be at least {MinDimension}x{MinDimension}.");
            }

            var videoInfo = new VideoStreamInfo(
                Text(video, "codec_name") ?? "unknown", width, height,
                FrameRate(Text(video, "avg_frame_rate")) ?? FrameRate(Text(video, "r_frame_rate")) ?? 0,
                Rotation(video));
            var audioInfo = audio.ValueKind == JsonValueKind.Undefined
                ? null
                : new AudioStreamInfo(Text(audio, "codec_name") ?? "unknown", (int)(Integer(audio, "channels") ?? 0), (int)(Integer(audio, "sample_rate") ?? 0));
            return MediaProbeResult.Usable(new MediaInfo(
                Text(format, "format_name") ?? "unknown", duration.Value, Integer(format, "bit_rate"), videoInfo, audioInfo));
        }
    }

    private static async Task<string> DescribeReadFailureAsync(string input, bool isUrl, string error, CancellationToken cancellationToken)
    {
        if (error.Contains("not on whitelist", StringComparison.OrdinalIgnoreCase))
        {
            return "This file type is not supported. Upload a video such as MP4, MOV, MKV, WebM or AVI.";
        }

        // An MP4 whose index (moov atom) is missing is what an interrupted upload or an unfinished recording looks like.
        if (error.Contains("moov atom not found", StringComparison.OrdinalIgnoreCase) && !isUrl && await StartsLikeMp4Async(input, cancellationToken))
        {
            return "The MP4 file is incomplete (its index is missing): the upload may have been cut short or the recording not finished. Upload the complete file.";
        }

        return "The file is not a video that can be read: it may be damaged or in an unsupported format.";
    }

    private static async Task<bool> StartsLikeMp4Async(string path, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return read == header.Length && header.AsSpan(4, 4).SequenceEqual("ftyp"u8);
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.TryGetProperty("attached_pic", out var attached)
        && attached.ValueKind == JsonValueKind.Number && attached.GetInt32() == 1;

    /// <summary>Degrees in [0, 360): the display matrix first, the legacy <c>rotate</c> tag otherwise.</summary>
    private static int Rotation(JsonElement video)
    {
        double? degrees = null;
        if (video.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            degrees = sideData.EnumerateArray().Select(item => Number(item, "rotation")).FirstOrDefault(value => value is not null);
        }

        if (degrees is null && video.TryGetProperty("tags", out var tags))
        {
            degrees = Number(tags, "rotate");
        }

        var quarterTurns = (int)Math.Round((degrees ?? 0) / 90);
        return ((quarterTurns % 4) + 4) % 4 * 90;
    }

    private static double? FrameRate(string? fraction)
    {
        var parts = fraction?.Split('/');
        if (parts is not { Length: 2 }
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            || numerator <= 0 || denominator <= 0)
        {
            return null;
        }

        return numerator / denominator;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
            : null;

    // ffprobe writes most numbers as strings ("duration": "2.000000") and a few as numbers.
    private static double? Number(JsonElement element, string name) =>
        double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static long? Integer(JsonElement element, string name) => Number(element, name) is { } value ? (long)value : null;

    private static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsNetworkError(string error) =>
        error.Contains("Server returned", StringComparison.OrdinalIgnoreCase)
        || error.Contains("Connection", StringComparison.OrdinalIgnoreCase)
        || error.Contains("timed out", StringComparison.OrdinalIgnoreCase)
        || error.Contains("resolve", StringComparison.OrdinalIgnoreCase);

    /// <summary>A presigned URL's query is a credential: never put it in a message or a log.</summary>
    private static string Redact(string url) => url.Split('?')[0];
}
