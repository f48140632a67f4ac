using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Auth.Sessions.MongoDb;

public sealed class MongoRefreshTokenStore(IMongoDatabase database)
    : DocumentStore<RefreshToken>(Collection(database)), IRefreshTokenStore, IDatabaseInitializer
{
    public const string CollectionName = "refreshTokens";

    private readonly MongoDocumentCollection<RefreshToken> _tokens = Collection(database);

    private static MongoDocumentCollection<RefreshToken> Collection(IMongoDatabase database)
    {
        RegisterClassMaps();
        return new MongoDocumentCollection<RefreshToken>(database.GetCollection<RefreshToken>(CollectionName));
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<RefreshToken>(map =>
        {
            map.AutoMap();
            map.MapIdMember(token => token.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _tokens.Collection.Indexes.CreateManyAsync(RefreshTokenQueries.Indexes(), cancellationToken);

    public async Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        (int)(await _tokens.Collection.UpdateManyAsync(RefreshTokenQueries.UnrevokedInFamily(familyId), RefreshTokenQueries.Revoke(at, reason),
            cancellationToken: cancellationToken)).ModifiedCount;

    public async Task<int> RevokeUserAsync(string userId, string? keepFamilyId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        (int)(await _tokens.Collection.UpdateManyAsync(RefreshTokenQueries.UnrevokedOfUser(userId, keepFamilyId), RefreshTokenQueries.Revoke(at, reason),
            cancellationToken: cancellationToken)).ModifiedCount;

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)(await _tokens.Collection.DeleteManyAsync(RefreshTokenQueries.ExpiredBefore(now), cancellationToken)).DeletedCount;
}

/// <summary>Filters, updates and indexes of the refresh token collection, rendered by tests without a server.</summary>
internal static class RefreshTokenQueries
{
    private static readonly FilterDefinitionBuilder<RefreshToken> Filter = Builders<RefreshToken>.Filter;

    public static FilterDefinition<RefreshToken> UnrevokedInFamily(string familyId) =>
        Filter.Eq(token => token.FamilyId, familyId) & Filter.Eq(token => token.RevokedAt, null);

    public static FilterDefinition<RefreshToken> UnrevokedOfUser(string userId, string? keepFamilyId) =>
        keepFamilyId is null
            ? Filter.Eq(token => token.UserId, userId) & Filter.Eq(token => token.RevokedAt, null)
            : Filter.Eq(token => token.UserId, userId) & Filter.Eq(token => token.RevokedAt, null) & Filter.Ne(token => token.FamilyId, keepFamilyId);

    public static FilterDefinition<RefreshToken> ExpiredBefore(DateTimeOffset now) => Filter.Lt(token => token.ExpiresAt, now);

    public static UpdateDefinition<RefreshToken> Revoke(DateTimeOffset at, string reason) => Builders<RefreshToken>.Update
        .Set(token => token.RevokedAt, at)
        .Set(token => token.RevokedReason, reason)
        .Inc(token => token.Version, 1);

    public static IEnumerable<CreateIndexModel<RefreshToken>> Indexes()
    {
        var keys = Builders<RefreshToken>.IndexKeys;
        yield return new CreateIndexModel<RefreshToken>(keys.Ascending(token => token.FamilyId), new CreateIndexOptions { Name = "family" });
        yield return new CreateIndexModel<RefreshToken>(keys.Ascending(token => token.UserId), new CreateIndexOptions { Name = "user" });
        // The server deletes expired tokens itself; reuse detection only needs a token until it would have expired anyway.
        yield return new CreateIndexModel<RefreshToken>(
            keys.Ascending(token => token.ExpiresAt), new CreateIndexOptions { Name = "expires_at_ttl", ExpireAfter = TimeSpan.Zero });
    }
}
