namespace StreamingApp.Api.Media;

/// <summary>Reads what a media file contains (ffprobe) and says, in words a creator can act on, why it cannot be used.</summary>
public interface IMediaProbe
{
    /// <param name="input">A local file path, or an http(s) URL such as a presigned S3 GET.</param>
    Task<MediaProbeResult> ProbeAsync(string input, CancellationToken cancellationToken);
}

/// <summary>Either <see cref="Info"/> of a usable video, or the <see cref="Problem"/> that makes it unusable.</summary>
public sealed record MediaProbeResult(MediaInfo? Info, string? Problem)
{
    public bool IsUsableVideo => Info is not null && Problem is null;

    public static MediaProbeResult Usable(MediaInfo info) => new(info, null);

    public static MediaProbeResult Unusable(string problem) => new(null, problem);
}

public sealed record MediaInfo(string FormatName, double DurationSeconds, long? BitRate, VideoStreamInfo Video, AudioStreamInfo? Audio);

/// <param name="Rotation">Display rotation in degrees from the stream's side data (phones record portrait this way).</param>
public sealed record VideoStreamInfo(string Codec, int Width, int Height, double FrameRate, int Rotation)
{
    /// <summary>Width as shown: ffmpeg applies the rotation when decoding, so outputs have these dimensions.</summary>
    public int DisplayWidth => IsQuarterTurn ? Height : Width;

    public int DisplayHeight => IsQuarterTurn ? Width : Height;

    private bool IsQuarterTurn => Rotation is 90 or 270;
}

public sealed record AudioStreamInfo(string Codec, int Channels, int SampleRate);
