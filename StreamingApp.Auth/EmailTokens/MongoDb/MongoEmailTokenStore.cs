using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Auth.EmailTokens.MongoDb;

public sealed class MongoEmailTokenStore(IMongoDatabase database) : DocumentStore<EmailToken>(Collection(database)), IEmailTokenStore, IDatabaseInitializer
{
    public const string CollectionName = "emailTokens";

    private readonly MongoDocumentCollection<EmailToken> _tokens = Collection(database);

    private static MongoDocumentCollection<EmailToken> Collection(IMongoDatabase database)
    {
        RegisterClassMaps();
        return new MongoDocumentCollection<EmailToken>(database.GetCollection<EmailToken>(CollectionName));
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<EmailToken>(map =>
        {
            map.AutoMap();
            map.MapIdMember(token => token.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _tokens.Collection.Indexes.CreateManyAsync(EmailTokenQueries.Indexes(), cancellationToken);

    public async Task<int> DeleteForUserAsync(string userId, EmailTokenPurpose purpose, CancellationToken cancellationToken) =>
        (int)(await _tokens.Collection.DeleteManyAsync(EmailTokenQueries.OfUser(userId, purpose), cancellationToken)).DeletedCount;

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)(await _tokens.Collection.DeleteManyAsync(EmailTokenQueries.ExpiredBefore(now), cancellationToken)).DeletedCount;
}

/// <summary>Filters and indexes of the email token collection, rendered by tests without a server.</summary>
internal static class EmailTokenQueries
{
    private static readonly FilterDefinitionBuilder<EmailToken> Filter = Builders<EmailToken>.Filter;

    public static FilterDefinition<EmailToken> OfUser(string userId, EmailTokenPurpose purpose) =>
        Filter.Eq(token => token.UserId, userId) & Filter.Eq(token => token.Purpose, purpose);

    public static FilterDefinition<EmailToken> ExpiredBefore(DateTimeOffset now) => Filter.Lt(token => token.ExpiresAt, now);

    public static IEnumerable<CreateIndexModel<EmailToken>> Indexes()
    {
        var keys = Builders<EmailToken>.IndexKeys;
        yield return new CreateIndexModel<EmailToken>(keys.Ascending(token => token.UserId).Ascending(token => token.Purpose), new CreateIndexOptions { Name = "user_purpose" });
        yield return new CreateIndexModel<EmailToken>(
            keys.Ascending(token => token.ExpiresAt), new CreateIndexOptions { Name = "expires_at_ttl", ExpireAfter = TimeSpan.Zero });
    }
}
