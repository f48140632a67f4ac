using Microsoft.Extensions.Time.Testing;
using StreamingApp.Api.Media.Processing;

namespace StreamingApp.Api.Tests.Media.Processing;

/// <summary>The behaviour every <see cref="IProcessingJobStore"/> must have; SQLite always runs it, MongoDB when a server is configured.</summary>
public abstract class ProcessingJobStoreContract : StoreContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    protected abstract Task<IProcessingJobStore> CreateStoreAsync();

    [Fact]
    public async Task An_enqueued_job_is_claimed_once_with_a_lease()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);

        var claimed = await store.ClaimAsync("worker-a", Lease, Cancellation);
        var second = await store.ClaimAsync("worker-b", Lease, Cancellation);

        Assert.NotNull(claimed);
        Assert.Equal("video-1", claimed.VideoId);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal("worker-a", claimed.LeasedBy);
        Assert.NotNull(claimed.LeaseId);
        Assert.Equal(Time.GetUtcNow() + Lease, claimed.AvailableAt);
        Assert.Equal(Time.GetUtcNow(), claimed.EnqueuedAt);
        Assert.Null(second);
    }

    [Fact]
    public async Task Enqueueing_twice_keeps_one_job_per_video()
    {
        var store = await CreateStoreAsync();

        await store.EnqueueAsync("video-1", Cancellation);
        await store.EnqueueAsync("video-1", Cancellation);
        await store.EnqueueAsync("video-2", Cancellation);

        Assert.Equal(2, await store.CountPendingAsync(Cancellation));
    }

    [Fact]
    public async Task Enqueueing_a_running_job_replaces_it_and_the_old_lease_is_lost()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);
        var running = (await store.ClaimAsync("worker-a", Lease, Cancellation))!;

        await store.EnqueueAsync("video-1", Cancellation);

        Assert.False(await store.RenewLeaseAsync(running, Lease, Cancellation));
        Assert.False(await store.CompleteAsync(running, Cancellation));
        var fresh = await store.ClaimAsync("worker-b", Lease, Cancellation);
        Assert.Equal(1, fresh?.Attempts);
    }

    [Fact]
    public async Task Jobs_are_claimed_oldest_first()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("first", Cancellation);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.EnqueueAsync("second", Cancellation);

        Assert.Equal("first", (await store.ClaimAsync("worker", Lease, Cancellation))?.VideoId);
        Assert.Equal("second", (await store.ClaimAsync("worker", Lease, Cancellation))?.VideoId);
    }

    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_job()
    {
        var store = await CreateStoreAsync();
        const int jobs = 24;
        for (var index = 0; index < jobs; index++)
        {
            await store.EnqueueAsync($"video-{index:00}", Cancellation);
        }

        var claimers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var claimed = new List<string>();
            while (await store.ClaimAsync($"worker-{worker}", Lease, Cancellation) is { } job)
            {
                claimed.Add(job.VideoId);
            }

            return claimed;
        }, Cancellation));
        var all = (await Task.WhenAll(claimers)).SelectMany(claimed => claimed).ToList();

        Assert.Equal(jobs, all.Count);
        Assert.Equal(jobs, all.Distinct().Count());
    }

    [Fact]
    public async Task An_expired_lease_lets_another_worker_take_the_job_and_locks_out_the_first()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);
        var crashed = (await store.ClaimAsync("worker-a", Lease, Cancellation))!;

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await store.ClaimAsync("worker-b", Lease, Cancellation));
        Time.Advance(TimeSpan.FromSeconds(1));
        var recovered = await store.ClaimAsync("worker-b", Lease, Cancellation);

        Assert.NotNull(recovered);
        Assert.Equal(2, recovered.Attempts);
        Assert.Equal("worker-b", recovered.LeasedBy);
        Assert.False(await store.RenewLeaseAsync(crashed, Lease, Cancellation));
        Assert.False(await store.CompleteAsync(crashed, Cancellation));
        Assert.True(await store.CompleteAsync(recovered, Cancellation));
    }

    [Fact]
    public async Task A_heartbeat_extends_the_lease_from_now()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);
        var job = (await store.ClaimAsync("worker-a", Lease, Cancellation))!;

        Time.Advance(Lease / 2);
        Assert.True(await store.RenewLeaseAsync(job, Lease, Cancellation));
        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Null(await store.ClaimAsync("worker-b", Lease, Cancellation));
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(1), (await store.GetAsync("video-1", Cancellation))?.AvailableAt);
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_its_retry_time_and_keeps_its_error_and_count()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);
        var first = (await store.ClaimAsync("worker-a", Lease, Cancellation))!;

        Assert.True(await store.RetryLaterAsync(first, "storage unreachable", Time.GetUtcNow() + TimeSpan.FromSeconds(30), Cancellation));
        Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await store.ClaimAsync("worker-a", Lease, Cancellation));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = await store.ClaimAsync("worker-b", Lease, Cancellation);

        Assert.NotNull(second);
        Assert.Equal(2, second.Attempts);
        Assert.Equal("storage unreachable", second.LastError);
        Assert.False(await store.RetryLaterAsync(first, "stale", Time.GetUtcNow(), Cancellation));
    }

    [Fact]
    public async Task Attempts_keep_counting_across_retries_and_crashes()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);

        var first = (await store.ClaimAsync("worker", Lease, Cancellation))!;
        await store.RetryLaterAsync(first, "error 1", Time.GetUtcNow(), Cancellation);
        await store.ClaimAsync("worker", Lease, Cancellation);
        Time.Advance(Lease);
        var third = await store.ClaimAsync("worker", Lease, Cancellation);

        Assert.Equal(3, third?.Attempts);
        Assert.Equal("error 1", third?.LastError);
    }

    [Fact]
    public async Task An_abandoned_job_is_available_at_once_without_using_an_attempt()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("video-1", Cancellation);
        var job = (await store.ClaimAsync("worker-a", Lease, Cancellation))!;

        Assert.True(await store.AbandonAsync(job, Cancellation));
        var again = await store.ClaimAsync("worker-b", Lease, Cancellation);

        Assert.Equal(1, again?.Attempts);
    }

    [Fact]
    public async Task Cancelling_removes_a_waiting_or_running_job()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("waiting", Cancellation);
        await store.EnqueueAsync("running", Cancellation);
        var running = (await store.ClaimAsync("worker", Lease, Cancellation))!;

        await store.CancelAsync("waiting", Cancellation);
        await store.CancelAsync(running.VideoId, Cancellation);

        Assert.Equal(0, await store.CountPendingAsync(Cancellation));
        Assert.False(await store.RenewLeaseAsync(running, Lease, Cancellation));
        Assert.Null(await store.GetAsync("waiting", Cancellation));
    }

    [Fact]
    public async Task Completing_removes_the_job_and_pending_counts_waiting_and_running_jobs()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync("a", Cancellation);
        await store.EnqueueAsync("b", Cancellation);
        var running = (await store.ClaimAsync("worker", Lease, Cancellation))!;

        Assert.Equal(2, await store.CountPendingAsync(Cancellation));
        Assert.True(await store.CompleteAsync(running, Cancellation));
        Assert.Equal(1, await store.CountPendingAsync(Cancellation));
    }
}
