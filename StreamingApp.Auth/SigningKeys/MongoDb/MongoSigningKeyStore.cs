using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Auth.SigningKeys.MongoDb;

public sealed class MongoSigningKeyStore(IMongoDatabase database) : DocumentStore<SigningKey>(Collection(database)), ISigningKeyStore, IDatabaseInitializer
{
    public const string CollectionName = "signingKeys";

    private readonly MongoDocumentCollection<SigningKey> _keys = Collection(database);

    private static MongoDocumentCollection<SigningKey> Collection(IMongoDatabase database)
    {
        RegisterClassMaps();
        return new MongoDocumentCollection<SigningKey>(database.GetCollection<SigningKey>(CollectionName));
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<SigningKey>(map =>
        {
            map.AutoMap();
            map.MapIdMember(key => key.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _keys.Collection.Indexes.CreateManyAsync(SigningKeyQueries.Indexes(), cancellationToken);

    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken) =>
        await _keys.Collection.Find(FilterDefinition<SigningKey>.Empty).Sort(SigningKeyQueries.ByActivation).ToListAsync(cancellationToken);
}

/// <summary>Sort and indexes of the signing key collection, rendered by tests without a server.</summary>
internal static class SigningKeyQueries
{
    public static readonly SortDefinition<SigningKey> ByActivation = Builders<SigningKey>.Sort.Ascending(key => key.ActivatesAt).Ascending(key => key.Id);

    public static IEnumerable<CreateIndexModel<SigningKey>> Indexes()
    {
        // One successor per key: the insert that loses a rotation race is refused.
        yield return new CreateIndexModel<SigningKey>(
            Builders<SigningKey>.IndexKeys.Ascending(key => key.PredecessorId),
            new CreateIndexOptions { Name = "predecessor_unique", Unique = true });
    }
}
