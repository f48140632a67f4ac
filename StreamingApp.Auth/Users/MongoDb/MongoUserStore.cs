using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Auth.Users.MongoDb;

public sealed class MongoUserStore(IMongoDatabase database) : DocumentStore<User>(Collection(database)), IUserStore, IDatabaseInitializer
{
    public const string CollectionName = "users";

    private readonly MongoDocumentCollection<User> _users = Collection(database);

    private static MongoDocumentCollection<User> Collection(IMongoDatabase database)
    {
        RegisterClassMaps();
        return new MongoDocumentCollection<User>(database.GetCollection<User>(CollectionName));
    }

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<User>(map =>
        {
            map.AutoMap();
            map.MapIdMember(user => user.Id);
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _users.Collection.Indexes.CreateManyAsync(UserQueries.Indexes(), cancellationToken);

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        await _users.Collection.Find(UserQueries.ByEmail(email)).SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Filters and indexes of the users collection, rendered by tests without a server.</summary>
internal static class UserQueries
{
    public static FilterDefinition<User> ByEmail(string email) =>
        Builders<User>.Filter.Eq(user => user.NormalizedEmail, User.Normalize(email));

    public static IEnumerable<CreateIndexModel<User>> Indexes()
    {
        yield return new CreateIndexModel<User>(
            Builders<User>.IndexKeys.Ascending(user => user.NormalizedEmail),
            new CreateIndexOptions { Name = "normalized_email_unique", Unique = true });
    }
}
