using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.Media.Processing.MongoDb;

/// <summary>
/// The queue in the <c>processing_jobs</c> collection, one document per video (<c>_id</c> is the video id). A claim
/// is a single <c>findOneAndUpdate</c>, atomic on the server, so two workers can never take the same job.
/// </summary>
public sealed class MongoProcessingJobStore(IMongoDatabase database, TimeProvider time) : IProcessingJobStore, IDatabaseInitializer
{
    public const string CollectionName = "processingJobs";

    private readonly IMongoCollection<ProcessingJob> _jobs = Collection(database);

    private static IMongoCollection<ProcessingJob> Collection(IMongoDatabase database)
    {
        ProcessingJobQueries.RegisterClassMap();
        return database.GetCollection<ProcessingJob>(CollectionName);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _jobs.Indexes.CreateManyAsync(ProcessingJobQueries.Indexes(), cancellationToken);

    public Task EnqueueAsync(string videoId, CancellationToken cancellationToken) =>
        _jobs.UpdateOneAsync(ProcessingJobQueries.ForVideo(videoId), ProcessingJobQueries.Enqueue(time.GetUtcNow()),
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public Task CancelAsync(string videoId, CancellationToken cancellationToken) =>
        _jobs.DeleteOneAsync(ProcessingJobQueries.ForVideo(videoId), cancellationToken);

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        _jobs.CountDocumentsAsync(FilterDefinition<ProcessingJob>.Empty, cancellationToken: cancellationToken);

    public async Task<ProcessingJob?> ClaimAsync(string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await _jobs.FindOneAndUpdateAsync(
            ProcessingJobQueries.Available(now),
            ProcessingJobQueries.Claim(Guid.NewGuid().ToString("N"), workerId, now + leaseDuration),
            new FindOneAndUpdateOptions<ProcessingJob> { Sort = ProcessingJobQueries.OldestFirst, ReturnDocument = ReturnDocument.After },
            cancellationToken);
    }

    public Task<bool> RenewLeaseAsync(ProcessingJob job, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(job, ProcessingJobQueries.Renew(time.GetUtcNow() + leaseDuration), cancellationToken);

    public async Task<bool> CompleteAsync(ProcessingJob job, CancellationToken cancellationToken) =>
        (await _jobs.DeleteOneAsync(ProcessingJobQueries.Leased(job), cancellationToken)).DeletedCount == 1;

    public Task<bool> RetryLaterAsync(ProcessingJob job, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(job, ProcessingJobQueries.RetryLater(error, retryAt), cancellationToken);

    public Task<bool> AbandonAsync(ProcessingJob job, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(job, ProcessingJobQueries.Abandon(time.GetUtcNow()), cancellationToken);

    public async Task<ProcessingJob?> GetAsync(string videoId, CancellationToken cancellationToken) =>
        await _jobs.Find(ProcessingJobQueries.ForVideo(videoId)).SingleOrDefaultAsync(cancellationToken);

    private async Task<bool> UpdateLeasedAsync(ProcessingJob job, UpdateDefinition<ProcessingJob> update, CancellationToken cancellationToken) =>
        (await _jobs.UpdateOneAsync(ProcessingJobQueries.Leased(job), update, cancellationToken: cancellationToken)).MatchedCount == 1;
}

/// <summary>The filters, updates, sort and indexes of the job collection, kept apart so tests can render them without a server.</summary>
internal static class ProcessingJobQueries
{
    private static readonly FilterDefinitionBuilder<ProcessingJob> Filter = Builders<ProcessingJob>.Filter;
    private static readonly UpdateDefinitionBuilder<ProcessingJob> Update = Builders<ProcessingJob>.Update;

    public static SortDefinition<ProcessingJob> OldestFirst { get; } =
        Builders<ProcessingJob>.Sort.Ascending(job => job.AvailableAt).Ascending(job => job.VideoId);

    public static void RegisterClassMap()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<ProcessingJob>(map =>
        {
            map.AutoMap();
            map.MapIdMember(job => job.VideoId);
        });
    }

    public static FilterDefinition<ProcessingJob> ForVideo(string videoId) => Filter.Eq(job => job.VideoId, videoId);

    public static FilterDefinition<ProcessingJob> Available(DateTimeOffset now) => Filter.Lte(job => job.AvailableAt, now);

    /// <summary>The job as long as <paramref name="job"/>'s claim is the current one.</summary>
    public static FilterDefinition<ProcessingJob> Leased(ProcessingJob job) =>
        Filter.Eq(stored => stored.VideoId, job.VideoId) & Filter.Eq(stored => stored.LeaseId, job.LeaseId);

    public static UpdateDefinition<ProcessingJob> Enqueue(DateTimeOffset now) => Update
        .Set(job => job.Attempts, 0)
        .Set(job => job.AvailableAt, now)
        .Set(job => job.EnqueuedAt, now)
        .Set(job => job.LeaseId, null)
        .Set(job => job.LeasedBy, null)
        .Set(job => job.LastError, null);

    public static UpdateDefinition<ProcessingJob> Claim(string leaseId, string workerId, DateTimeOffset leaseExpiresAt) => Update
        .Inc(job => job.Attempts, 1)
        .Set(job => job.LeaseId, leaseId)
        .Set(job => job.LeasedBy, workerId)
        .Set(job => job.AvailableAt, leaseExpiresAt);

    public static UpdateDefinition<ProcessingJob> Renew(DateTimeOffset leaseExpiresAt) => Update.Set(job => job.AvailableAt, leaseExpiresAt);

    public static UpdateDefinition<ProcessingJob> RetryLater(string error, DateTimeOffset retryAt) => Release(retryAt).Set(job => job.LastError, error);

    public static UpdateDefinition<ProcessingJob> Abandon(DateTimeOffset now) => Release(now).Inc(job => job.Attempts, -1);

    public static IEnumerable<CreateIndexModel<ProcessingJob>> Indexes()
    {
        yield return new CreateIndexModel<ProcessingJob>(
            Builders<ProcessingJob>.IndexKeys.Ascending(job => job.AvailableAt).Ascending(job => job.VideoId),
            new CreateIndexOptions { Name = "available" });
    }

    private static UpdateDefinition<ProcessingJob> Release(DateTimeOffset availableAt) => Update
        .Set(job => job.AvailableAt, availableAt)
        .Set(job => job.LeaseId, null)
        .Set(job => job.LeasedBy, null);
}
