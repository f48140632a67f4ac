namespace StreamingApp.Api.Media.Processing;

/// <summary>Wakes idle workers of this process when a job is enqueued here, instead of waiting for their next poll.</summary>
public sealed class ProcessingSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Notify"/>; take it before looking for work so a notification in between is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The queue the rest of the Api uses: the job store, plus a nudge to this process's workers on enqueue.</summary>
public sealed class ProcessingQueue(IProcessingJobStore jobs, ProcessingSignal signal) : IProcessingQueue
{
    public async Task EnqueueAsync(string videoId, CancellationToken cancellationToken)
    {
        await jobs.EnqueueAsync(videoId, cancellationToken);
        signal.Notify();
    }

    public Task CancelAsync(string videoId, CancellationToken cancellationToken) => jobs.CancelAsync(videoId, cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => jobs.CountPendingAsync(cancellationToken);
}
