using System.Diagnostics.Metrics;
using StreamingApp.ServiceDefaults.Telemetry;

namespace StreamingApp.Api.Telemetry;

/// <summary>
/// The Api's business metrics. Instruments carry no unit so the Prometheus names read exactly
/// <c>uploads_total</c>, <c>media_bytes_served_total</c>, <c>playback_sessions_total</c>, <c>region_blocks_total</c>.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = $"{TelemetryDefaults.SourcePrefix}.Api";

    private readonly Counter<long> _uploads;
    private readonly Counter<long> _bytesServed;
    private readonly Counter<long> _playbackSessions;
    private readonly Counter<long> _regionBlocks;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _uploads = meter.CreateCounter<long>("uploads", description: "Video sources received, by upload method and outcome.");
        _bytesServed = meter.CreateCounter<long>("media.bytes_served", description: "Bytes of media the Api served itself (without a CDN).");
        _playbackSessions = meter.CreateCounter<long>("playback.sessions", description: "Playback URLs handed out.");
        _regionBlocks = meter.CreateCounter<long>("region.blocks", description: "Requests refused because the video is not licensed in the viewer's country.");
    }

    /// <param name="method"><c>streamed</c> or <c>direct</c>.</param>
    /// <param name="outcome"><c>accepted</c> or the reason it was refused.</param>
    public void Upload(string method, string outcome) =>
        _uploads.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));

    public void BytesServed(long bytes) => _bytesServed.Add(bytes);

    public void PlaybackSession() => _playbackSessions.Add(1);

    /// <param name="surface"><c>details</c>, <c>playback</c>, <c>media</c> or <c>party</c>.</param>
    public void RegionBlocked(string surface) => _regionBlocks.Add(1, new KeyValuePair<string, object?>("surface", surface));
}
