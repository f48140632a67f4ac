using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StreamingApp.Api.Media;

/// <summary>
/// Traces and metrics of media processing. Instrument names follow OpenTelemetry; the Prometheus exporter turns them
/// into <c>transcode_duration_seconds</c>, <c>transcode_failures_total</c> and <c>processing_queue_depth</c>.
/// </summary>
public sealed class MediaTelemetry : IDisposable
{
    public const string Name = "StreamingApp.Media";

    /// <summary>Seconds from a short clip to a feature film; the default buckets are made for milliseconds.</summary>
    private static readonly double[] TranscodeBuckets = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400];

    private readonly Meter _meter;
    private readonly Histogram<double> _transcodeDuration;
    private readonly Counter<long> _transcodeFailures;
    private long _queueDepth = -1;

    public MediaTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _transcodeDuration = _meter.CreateHistogram("transcode.duration", "s", "Wall time of the ffmpeg run that encodes a video's renditions.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TranscodeBuckets });
        _transcodeFailures = _meter.CreateCounter<long>("transcode.failures", description: "Processing attempts that failed, by whether the job will be retried.");
        // Known only once a worker has counted; a process without a worker reports nothing rather than a stale zero.
        _meter.CreateObservableGauge("processing.queue.depth", ObserveQueueDepth, description: "Videos waiting for or in processing.");
    }

    public ActivitySource ActivitySource { get; } = new(Name);

    public void RecordTranscode(TimeSpan duration, int renditions) =>
        _transcodeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("renditions", renditions));

    public void RecordFailure(bool permanent) =>
        _transcodeFailures.Add(1, new KeyValuePair<string, object?>("permanent", permanent));

    public void RecordQueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);

    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }

    private IEnumerable<Measurement<long>> ObserveQueueDepth() =>
        Interlocked.Read(ref _queueDepth) is var depth and >= 0 ? [new Measurement<long>(depth)] : [];
}
