using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Media.Processing;

/// <summary>
/// Claims and processes jobs in the background of the Api: <c>Media:Worker:Concurrency</c> loops, each polling with
/// jitter (so replicas do not poll in step) and woken at once by a job enqueued in this process. Turned off with
/// <c>Media:Worker:Enabled=false</c>, so request-serving and worker replicas can be scaled apart.
/// </summary>
public sealed class ProcessingWorker(
    IProcessingJobStore jobs,
    VideoProcessor processor,
    ProcessingSignal signal,
    MediaTelemetry telemetry,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<ProcessingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = options.Value.Worker;
        if (!worker.Enabled)
        {
            logger.LogInformation("Media processing worker is disabled (Media:Worker:Enabled); this process only enqueues");
            return;
        }

        var swept = JobWorkspace.SweepStale(options.Value.TempDirectory!, worker.LeaseDuration, time.GetUtcNow());
        logger.LogInformation("Media processing worker started with {Concurrency} slot(s); removed {Swept} stale job folder(s)", worker.Concurrency, swept);
        await Task.WhenAll(Enumerable.Range(1, worker.Concurrency).Select(slot => RunSlotAsync($"{Environment.MachineName}:{Environment.ProcessId}:{slot}", stoppingToken)));
    }

    private async Task RunSlotAsync(string workerId, CancellationToken stoppingToken)
    {
        var worker = options.Value.Worker;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                var job = await jobs.ClaimAsync(workerId, worker.LeaseDuration, stoppingToken);
                if (job is null)
                {
                    telemetry.RecordQueueDepth(await jobs.CountPendingAsync(stoppingToken));
                    await WaitAsync(wake, stoppingToken);
                    continue;
                }

                logger.LogInformation("Worker {WorkerId} claimed video {VideoId} (attempt {Attempt})", workerId, job.VideoId, job.Attempts);
                await processor.ProcessAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database or storage is unreachable: the job's lease runs out and it is claimed again later.
                logger.LogError(exception, "Worker {WorkerId} could not process a job; trying again after the poll interval", workerId);
                await WaitAsync(Task.Delay(Timeout.Infinite, stoppingToken), stoppingToken);
            }
        }
    }

    private async Task WaitAsync(Task wake, CancellationToken stoppingToken)
    {
        var interval = options.Value.Worker.PollInterval * (0.8 + Random.Shared.NextDouble() * 0.4);
        try
        {
            await wake.WaitAsync(interval, time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Poll again.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
