namespace StreamingApp.Api.Media.Processing;

/// <summary>
/// Keeps a claimed job's lease alive while it is processed: renews it every quarter lease, and cancels
/// <see cref="Token"/> when the lease is lost (the job was re-enqueued, cancelled or taken over) or when renewals
/// keep failing until the lease has run out, because by then another worker may have claimed it.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly IProcessingJobStore _jobs;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _processing;
    private readonly Task _heartbeat;
    private long _lastRenewal;

    public JobLease(IProcessingJobStore jobs, ProcessingJob job, TimeSpan duration, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _jobs = jobs;
        Job = job;
        _duration = duration;
        _time = time;
        _logger = logger;
        _lastRenewal = time.GetTimestamp();
        _processing = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lost.Token);
        _heartbeat = HeartbeatAsync(_processing.Token);
    }

    public ProcessingJob Job { get; }

    /// <summary>Cancelled on shutdown or when the lease is lost: ffmpeg and uploads stop with it.</summary>
    public CancellationToken Token => _processing.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Renews now; throws <see cref="OperationCanceledException"/> when the lease is no longer this worker's.</summary>
    public async Task EnsureHeldAsync()
    {
        if (await _jobs.RenewLeaseAsync(Job, _duration, Token))
        {
            _lastRenewal = _time.GetTimestamp();
        }
        else
        {
            await _lost.CancelAsync();
        }

        Token.ThrowIfCancellationRequested();
    }

    public async ValueTask DisposeAsync()
    {
        await _processing.CancelAsync();
        await _heartbeat;
        _processing.Dispose();
        _lost.Dispose();
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_duration / 4, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RenewAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The job ended or the lease was lost.
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await _jobs.RenewLeaseAsync(Job, _duration, cancellationToken))
            {
                _lastRenewal = _time.GetTimestamp();
                return;
            }

            _logger.LogWarning("Lost the lease on the processing job of video {VideoId}; stopping this attempt", Job.VideoId);
            await _lost.CancelAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Could not renew the lease on the processing job of video {VideoId}", Job.VideoId);
            if (_time.GetElapsedTime(_lastRenewal) >= _duration)
            {
                await _lost.CancelAsync();
            }
        }
    }
}
