namespace StreamingApp.Api.Media.Processing;

/// <summary>
/// A video waiting for, or going through, processing. <see cref="AvailableAt"/> is when it may next be claimed:
/// its enqueue time, the retry time after a failed attempt, or the lease expiry while <see cref="LeaseId"/> is set.
/// </summary>
/// <param name="Attempts">Claims so far, including the current one; an attempt cut short by a crash counts.</param>
/// <param name="LeaseId">Unique to one claim: heartbeats and completion only succeed with it, so a worker that lost its lease cannot touch the job.</param>
/// <param name="LeasedBy">Which worker holds or last held the job, for operators.</param>
public sealed record ProcessingJob(
    string VideoId,
    int Attempts,
    DateTimeOffset AvailableAt,
    string? LeaseId,
    string? LeasedBy,
    string? LastError,
    DateTimeOffset EnqueuedAt);

/// <summary>The worker's side of the queue: claim with a lease, keep it alive, then complete, retry later or hand back.</summary>
public interface IProcessingJobStore : IProcessingQueue
{
    /// <summary>Takes the job that has been available longest, leasing it to <paramref name="workerId"/>; <c>null</c> when none is available.</summary>
    Task<ProcessingJob?> ClaimAsync(string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Extends the lease from now; <c>false</c> when the lease was lost (the job was re-enqueued, cancelled or claimed by another worker).</summary>
    Task<bool> RenewLeaseAsync(ProcessingJob job, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Removes the job after it succeeded or failed for good; <c>false</c> when the lease was lost.</summary>
    Task<bool> CompleteAsync(ProcessingJob job, CancellationToken cancellationToken);

    /// <summary>Releases the job until <paramref name="retryAt"/>, remembering why this attempt failed.</summary>
    Task<bool> RetryLaterAsync(ProcessingJob job, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Hands the job back at once without counting the attempt (the worker is shutting down).</summary>
    Task<bool> AbandonAsync(ProcessingJob job, CancellationToken cancellationToken);

    Task<ProcessingJob?> GetAsync(string videoId, CancellationToken cancellationToken);
}
