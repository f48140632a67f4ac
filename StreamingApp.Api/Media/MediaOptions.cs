namespace StreamingApp.Api.Media;

/// <summary>The <c>Media</c> section: tools, scratch space, the rendition ladder and the processing worker.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Scratch space for job folders; defaults to <c>{DataDirectory}/tmp</c> (a disk, unlike a tmpfs <c>/tmp</c>).</summary>
    public string? TempDirectory { get; set; }

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for one ffmpeg run; a stuck encoder is killed and the attempt retried.</summary>
    public TimeSpan TranscodeTimeout { get; set; } = TimeSpan.FromHours(6);

    public int SegmentSeconds { get; set; } = 4;

    /// <summary>libx264 preset: slower presets give smaller files for the same quality at more CPU.</summary>
    public string X264Preset { get; set; } = "veryfast";

    /// <summary>Renditions to produce, lowest first after validation; empty means <see cref="DefaultLadder"/>.</summary>
    public List<LadderRung> Ladder { get; set; } = [];

    public MediaWorkerOptions Worker { get; set; } = new();

    /// <summary>Largest source accepted, by either upload method (default 4 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public DirectUploadOptions DirectUploads { get; set; } = new();

    public static IReadOnlyList<LadderRung> DefaultLadder { get; } =
    [
        new() { Height = 360, VideoBitrate = 800, AudioBitrate = 96 },
        new() { Height = 720, VideoBitrate = 2800, AudioBitrate = 128 },
        new() { Height = 1080, VideoBitrate = 5000, AudioBitrate = 160 },
    ];
}

/// <summary>One rung of the ladder. The height is the short side, so portrait videos get the same quality steps.</summary>
public sealed class LadderRung
{
    public int Height { get; set; }

    /// <summary>Target video bitrate in kbit/s.</summary>
    public int VideoBitrate { get; set; }

    /// <summary>AAC bitrate in kbit/s.</summary>
    public int AudioBitrate { get; set; }
}

public sealed class MediaWorkerOptions
{
    /// <summary>Off on replicas that only serve requests; on for dedicated worker replicas.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs processed at once by this process; ffmpeg already uses every core, so more helps only on big machines.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>How long a claimed job stays with its worker without a heartbeat; a crashed worker's job is retried after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for work (jittered); a job enqueued by the same process wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; it doubles for each further attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class DirectUploadOptions
{
    /// <summary>How long presigned part URLs stay valid; a resumed upload gets fresh ones.</summary>
    public TimeSpan PartUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Part size (grown automatically so no upload needs more than 10,000 parts).</summary>
    public int PartSize { get; set; } = 16 * 1024 * 1024;
}
