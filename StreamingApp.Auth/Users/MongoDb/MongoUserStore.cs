using System.Text.RegularExpressions;
using MongoDB.Bson;
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

    public async Task<UserPage> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var filter = UserQueries.Search(text);
        var total = await _users.Collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var items = await _users.Collection.Find(filter)
            .Sort(UserQueries.Oldest)
            .Skip((page - 1) * pageSize)
            .Limit(pageSize)
            .ToListAsync(cancellationToken);
        return new UserPage(items, total);
    }

    public async Task<IReadOnlyList<User>> ListRevokedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        await _users.Collection.Find(UserQueries.RevokedSince(since))
            .Sort(UserQueries.EarliestRevocation)
            .Limit(limit)
            .ToListAsync(cancellationToken);
}

/// <summary>Filters, sorts and indexes of the users collection, rendered by tests without a server.</summary>
internal static class UserQueries
{
    private static readonly FilterDefinitionBuilder<User> Filter = Builders<User>.Filter;

    public static readonly SortDefinition<User> Oldest = Builders<User>.Sort.Ascending(user => user.CreatedAt).Ascending(user => user.Id);

    public static readonly SortDefinition<User> EarliestRevocation =
        Builders<User>.Sort.Ascending(user => user.TokensValidAfter).Ascending(user => user.Id);

    public static FilterDefinition<User> ByEmail(string email) => Filter.Eq(user => user.NormalizedEmail, User.Normalize(email));

    public static FilterDefinition<User> Search(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Filter.Empty;
        }

        var pattern = new BsonRegularExpression(Regex.Escape(text.Trim()), "i");
        return Filter.Or(Filter.Regex(user => user.NormalizedEmail, pattern), Filter.Regex(user => user.DisplayName, pattern));
    }

    public static FilterDefinition<User> RevokedSince(DateTimeOffset since) => Filter.Gte(user => user.TokensValidAfter, since);

    public static IEnumerable<CreateIndexModel<User>> Indexes()
    {
        var keys = Builders<User>.IndexKeys;
        yield return new CreateIndexModel<User>(
            keys.Ascending(user => user.NormalizedEmail),
            new CreateIndexOptions { Name = "normalized_email_unique", Unique = true });
        yield return new CreateIndexModel<User>(
            keys.Ascending(user => user.TokensValidAfter),
            new CreateIndexOptions<User> { Name = "tokens_valid_after", PartialFilterExpression = Filter.Type(user => user.TokensValidAfter, BsonType.DateTime) });
        yield return new CreateIndexModel<User>(
            keys.Ascending(user => user.CreatedAt).Ascending(user => user.Id),
            new CreateIndexOptions { Name = "created_at" });
    }
}
