namespace StreamingApp.Api.Media.Processing;

/// <summary>
/// Writes a video's <see cref="Video.ProcessingProgress"/> as a job advances, at most once per
/// <see cref="MinInterval"/> so a fast encoder does not turn into a stream of database writes. Best effort: a write
/// that loses a race is skipped, the next one catches up, and the final 100 is written with the published video.
/// </summary>
public sealed class ProgressWriter(IVideoStore videos, string videoId, TimeProvider time)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private int _written;
    private long? _writtenAt;

    /// <summary>Safe to call from parallel uploads: only one caller wins each write slot.</summary>
    public async ValueTask ReportAsync(int percent, CancellationToken cancellationToken)
    {
        percent = Math.Clamp(percent, 0, 99);
        lock (_gate)
        {
            if (percent <= _written || (_writtenAt is { } last && time.GetElapsedTime(last) < MinInterval))
            {
                return;
            }

            _written = percent;
            _writtenAt = time.GetTimestamp();
        }

        await videos.ChangeAsync(videoId, video => video.ProcessingProgress >= percent ? null : video with { ProcessingProgress = percent }, cancellationToken);
    }
}
