using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Auth.Audit.MongoDb;

public sealed class MongoAuditStore(IMongoDatabase database) : DocumentStore<AuditEvent>(Collection(database)), IAuditStore, IDatabaseInitializer
{
    public const string CollectionName = "auditEvents";

    private readonly MongoDocumentCollection<AuditEvent> _events = Collection(database);

    private static MongoDocumentCollection<AuditEvent> Collection(IMongoDatabase database)
    {
        RegisterClassMaps();
        return new MongoDocumentCollection<AuditEvent>(database.GetCollection<AuditEvent>(CollectionName));
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<AuditEvent>(map =>
        {
            map.AutoMap();
            map.MapIdMember(auditEvent => auditEvent.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _events.Collection.Indexes.CreateManyAsync(AuditQueries.Indexes(), cancellationToken);

    public async Task<IReadOnlyList<AuditEvent>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        await _events.Collection.Find(AuditQueries.OfUser(userId)).Sort(AuditQueries.Newest).Limit(limit).ToListAsync(cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)(await _events.Collection.DeleteManyAsync(AuditQueries.ExpiredBefore(now), cancellationToken)).DeletedCount;
}

/// <summary>Filters, sort and indexes of the audit collection, rendered by tests without a server.</summary>
internal static class AuditQueries
{
    public static readonly SortDefinition<AuditEvent> Newest = Builders<AuditEvent>.Sort.Descending(auditEvent => auditEvent.At).Descending(auditEvent => auditEvent.Id);

    public static FilterDefinition<AuditEvent> OfUser(string userId) => Builders<AuditEvent>.Filter.Eq(auditEvent => auditEvent.UserId, userId);

    public static FilterDefinition<AuditEvent> ExpiredBefore(DateTimeOffset now) => Builders<AuditEvent>.Filter.Lt(auditEvent => auditEvent.ExpiresAt, now);

    public static IEnumerable<CreateIndexModel<AuditEvent>> Indexes()
    {
        var keys = Builders<AuditEvent>.IndexKeys;
        yield return new CreateIndexModel<AuditEvent>(keys.Ascending(auditEvent => auditEvent.UserId).Descending(auditEvent => auditEvent.At), new CreateIndexOptions { Name = "user_at" });
        yield return new CreateIndexModel<AuditEvent>(
            keys.Ascending(auditEvent => auditEvent.ExpiresAt), new CreateIndexOptions { Name = "expires_at_ttl", ExpireAfter = TimeSpan.Zero });
    }
}
