namespace StreamingApp.Api.Uploads;

public sealed class UploadOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest source accepted, by either upload method (default 4 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>How long presigned part URLs of a direct upload stay valid; a resumed upload gets fresh ones.</summary>
    public TimeSpan PartUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Part size of direct uploads (grown automatically so no upload needs more than 10,000 parts).</summary>
    public int DirectUploadPartSize { get; set; } = 16 * 1024 * 1024;
}
