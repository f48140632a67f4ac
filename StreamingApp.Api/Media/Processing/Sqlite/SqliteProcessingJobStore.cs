using Dapper;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.Media.Processing.Sqlite;

/// <summary>
/// The queue in the <c>processing_jobs</c> table. Every change is one statement inside a write transaction that takes
/// the lock up front, so two workers can never claim the same job.
/// </summary>
public sealed class SqliteProcessingJobStore(SqliteDatabase database, TimeProvider time) : IProcessingJobStore
{
    private const string Columns = """
        video_id AS VideoId, attempts AS Attempts, available_at AS AvailableAt, lease_id AS LeaseId,
        leased_by AS LeasedBy, last_error AS LastError, enqueued_at AS EnqueuedAt
        """;

    public Task EnqueueAsync(string videoId, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO processing_jobs (video_id, attempts, available_at, enqueued_at) VALUES (@VideoId, 0, @Now, @Now)
            ON CONFLICT (video_id) DO UPDATE SET
                attempts = 0, available_at = excluded.available_at, enqueued_at = excluded.enqueued_at,
                lease_id = NULL, leased_by = NULL, last_error = NULL
            """, new { VideoId = videoId, Now = time.GetUtcNow() }, cancellationToken);

    public Task CancelAsync(string videoId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM processing_jobs WHERE video_id = @VideoId", new { VideoId = videoId }, cancellationToken);

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM processing_jobs", cancellationToken: cancellationToken));
    }

    public async Task<ProcessingJob?> ClaimAsync(string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await database.WriteAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition($"""
            UPDATE processing_jobs
            SET attempts = attempts + 1, lease_id = @LeaseId, leased_by = @WorkerId, available_at = @LeaseExpiresAt
            WHERE video_id = (
                SELECT video_id FROM processing_jobs WHERE available_at <= @Now ORDER BY available_at, video_id LIMIT 1)
            RETURNING {Columns}
            """,
            new { LeaseId = Guid.NewGuid().ToString("N"), WorkerId = workerId, LeaseExpiresAt = now + leaseDuration, Now = now },
            transaction, cancellationToken: cancellationToken)), cancellationToken);
        return row?.ToJob();
    }

    public Task<bool> RenewLeaseAsync(ProcessingJob job, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("UPDATE processing_jobs SET available_at = @Until", job, new { Until = time.GetUtcNow() + leaseDuration }, cancellationToken);

    public Task<bool> CompleteAsync(ProcessingJob job, CancellationToken cancellationToken) =>
        ChangeLeasedAsync("DELETE FROM processing_jobs", job, null, cancellationToken);

    public Task<bool> RetryLaterAsync(ProcessingJob job, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ChangeLeasedAsync(
            "UPDATE processing_jobs SET available_at = @RetryAt, last_error = @Error, lease_id = NULL, leased_by = NULL",
            job, new { RetryAt = retryAt, Error = error }, cancellationToken);

    public Task<bool> AbandonAsync(ProcessingJob job, CancellationToken cancellationToken) =>
        ChangeLeasedAsync(
            "UPDATE processing_jobs SET available_at = @Now, attempts = MAX(attempts - 1, 0), lease_id = NULL, leased_by = NULL",
            job, new { Now = time.GetUtcNow() }, cancellationToken);

    public async Task<ProcessingJob?> GetAsync(string videoId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns} FROM processing_jobs WHERE video_id = @VideoId", new { VideoId = videoId }, cancellationToken: cancellationToken));
        return row?.ToJob();
    }

    /// <summary>Runs <paramref name="change"/> on the job only while <paramref name="job"/>'s lease is still the current one.</summary>
    private async Task<bool> ChangeLeasedAsync(string change, ProcessingJob job, object? values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("VideoId", job.VideoId);
        parameters.Add("LeaseId", job.LeaseId);
        return await ExecuteAsync($"{change} WHERE video_id = @VideoId AND lease_id = @LeaseId", parameters, cancellationToken) == 1;
    }

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Column types as SQLite returns them (64-bit integers, text times), converted on the way out.</summary>
    private sealed class JobRow
    {
        public string VideoId { get; init; } = string.Empty;

        public long Attempts { get; init; }

        public DateTimeOffset AvailableAt { get; init; }

        public string? LeaseId { get; init; }

        public string? LeasedBy { get; init; }

        public string? LastError { get; init; }

        public DateTimeOffset EnqueuedAt { get; init; }

        public ProcessingJob ToJob() => new(VideoId, (int)Attempts, AvailableAt, LeaseId, LeasedBy, LastError, EnqueuedAt);
    }
}
