namespace StreamingApp.Api.Media;

/// <summary>
/// Durable queue of videos waiting to be processed (probed, transcoded, published). Jobs survive restarts; a worker
/// claims one with a lease, so a crashed worker's job is picked up again when the lease expires.
/// </summary>
public interface IProcessingQueue
{
    /// <summary>Queues processing of the video's current source; a video has at most one pending job.</summary>
    Task EnqueueAsync(string videoId, CancellationToken cancellationToken);

    /// <summary>Drops any pending or running job of a video (it was deleted or its source replaced).</summary>
    Task CancelAsync(string videoId, CancellationToken cancellationToken);

    /// <summary>Jobs waiting or running, for the queue-depth metric and health details.</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);
}
