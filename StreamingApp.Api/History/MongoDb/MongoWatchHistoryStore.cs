using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.History.MongoDb;

public sealed class MongoWatchHistoryStore : IWatchHistoryStore, IDatabaseInitializer
{
    public const string CollectionName = "watchHistory";

    private readonly IMongoCollection<WatchProgressDocument> _history;

    public MongoWatchHistoryStore(IMongoDatabase database)
    {
        RegisterClassMaps();
        _history = database.GetCollection<WatchProgressDocument>(CollectionName);
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<WatchProgressDocument>(map =>
        {
            map.AutoMap();
            map.MapIdMember(document => document.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _history.Indexes.CreateManyAsync(WatchHistoryQueries.Indexes(), cancellationToken);

    public Task SaveAsync(WatchProgress progress, CancellationToken cancellationToken) =>
        _history.ReplaceOneAsync(WatchHistoryQueries.ById(progress.UserId, progress.VideoId), WatchProgressDocument.From(progress),
            new ReplaceOptions { IsUpsert = true }, cancellationToken);

    public async Task<WatchProgress?> GetAsync(string userId, string videoId, CancellationToken cancellationToken) =>
        (await _history.Find(WatchHistoryQueries.ById(userId, videoId)).SingleOrDefaultAsync(cancellationToken))?.ToProgress();

    public async Task<IReadOnlyList<WatchProgress>> ListAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var documents = await _history.Find(WatchHistoryQueries.ByUser(userId)).Sort(WatchHistoryQueries.MostRecentFirst).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(document => document.ToProgress()).ToList();
    }

    public Task DeleteForVideoAsync(string videoId, CancellationToken cancellationToken) =>
        _history.DeleteManyAsync(WatchHistoryQueries.ByVideo(videoId), cancellationToken);
}

/// <summary>One viewer's position in one video; the id joins both so a save is a single upsert.</summary>
public sealed record WatchProgressDocument(string Id, string UserId, string VideoId, double PositionSeconds, DateTimeOffset UpdatedAt)
{
    public static string IdOf(string userId, string videoId) => $"{userId}:{videoId}";

    public static WatchProgressDocument From(WatchProgress progress) =>
        new(IdOf(progress.UserId, progress.VideoId), progress.UserId, progress.VideoId, progress.PositionSeconds, progress.UpdatedAt);

    public WatchProgress ToProgress() => new(UserId, VideoId, PositionSeconds, UpdatedAt);
}

internal static class WatchHistoryQueries
{
    private static readonly FilterDefinitionBuilder<WatchProgressDocument> Filter = Builders<WatchProgressDocument>.Filter;

    public static readonly SortDefinition<WatchProgressDocument> MostRecentFirst =
        Builders<WatchProgressDocument>.Sort.Descending(document => document.UpdatedAt).Ascending(document => document.VideoId);

    public static FilterDefinition<WatchProgressDocument> ById(string userId, string videoId) =>
        Filter.Eq(document => document.Id, WatchProgressDocument.IdOf(userId, videoId));

    public static FilterDefinition<WatchProgressDocument> ByUser(string userId) => Filter.Eq(document => document.UserId, userId);

    public static FilterDefinition<WatchProgressDocument> ByVideo(string videoId) => Filter.Eq(document => document.VideoId, videoId);

    public static IEnumerable<CreateIndexModel<WatchProgressDocument>> Indexes()
    {
        var keys = Builders<WatchProgressDocument>.IndexKeys;
        yield return new CreateIndexModel<WatchProgressDocument>(
            keys.Ascending(document => document.UserId).Descending(document => document.UpdatedAt), new CreateIndexOptions { Name = "recent" });
        yield return new CreateIndexModel<WatchProgressDocument>(
            keys.Ascending(document => document.VideoId), new CreateIndexOptions { Name = "video" });
    }
}
