using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Auth.Users.MongoDb;

namespace StreamingApp.Auth.Tests.Users;

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoUserStoreTests : UserStoreContract
{
    protected override async Task<IUserStore> CreateStoreAsync()
    {
        var store = new MongoUserStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

/// <summary>What the MongoDB user store sends to the server, checked without one.</summary>
public sealed class MongoUserMappingTests
{
    static MongoUserMappingTests() => MongoUserStore.RegisterClassMaps();

    private static RenderArgs<User> Args => new(BsonSerializer.LookupSerializer<User>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_user_round_trips_through_bson_with_its_id_as_the_document_id()
    {
        var user = new User
        {
            Id = "0190c0ffee0000000000000000000002",
            Email = "a@example.com",
            NormalizedEmail = "A@EXAMPLE.COM",
            DisplayName = "A",
            PasswordHash = "hash",
            Roles = [AppRoles.Admin],
            TokensValidAfter = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, 123, TimeSpan.Zero),
        };

        var document = user.ToBsonDocument();
        var read = BsonSerializer.Deserialize<User>(document);

        Assert.Equal(user.Id, document["_id"].AsString);
        Assert.Equal("A@EXAMPLE.COM", document["normalizedEmail"].AsString);
        Assert.Equal(user with { Roles = [], RecoveryCodeHashes = [] }, read with { Roles = [], RecoveryCodeHashes = [] });
        Assert.Equal(user.Roles, read.Roles);
    }

    [Fact]
    public void Email_lookups_use_the_normalized_email_and_a_unique_index()
    {
        var filter = UserQueries.ByEmail(" a@Example.com").Render(Args);
        var index = UserQueries.Indexes().Single(model => model.Options.Name == "normalized_email_unique");

        Assert.Equal(BsonDocument.Parse("""{ "normalizedEmail": "A@EXAMPLE.COM" }"""), filter);
        Assert.Equal(BsonDocument.Parse("""{ "normalizedEmail": 1 }"""), index.Keys.Render(Args));
        Assert.True(index.Options.Unique);
    }

    [Fact]
    public void Search_is_a_case_insensitive_escaped_regex_on_email_and_name()
    {
        var filter = UserQueries.Search(" a.b ").Render(Args);

        Assert.Equal(
            BsonDocument.Parse("""{ "$or": [ { "normalizedEmail": { "$regularExpression": { "pattern": "a\\.b", "options": "i" } } }, { "displayName": { "$regularExpression": { "pattern": "a\\.b", "options": "i" } } } ] }"""),
            filter);
        Assert.Equal(new BsonDocument(), UserQueries.Search("  ").Render(Args));
    }

    [Fact]
    public void The_revocation_feed_reads_a_partial_index_on_tokens_valid_after()
    {
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var filter = UserQueries.RevokedSince(since).Render(Args);
        var index = (CreateIndexOptions<User>)UserQueries.Indexes().Single(model => model.Options.Name == "tokens_valid_after").Options;

        Assert.Equal(new BsonDocument("tokensValidAfter", new BsonDocument("$gte", new BsonDateTime(since.UtcDateTime))), filter);
        Assert.Equal(BsonDocument.Parse("""{ "tokensValidAfter": { "$type": 9 } }"""), index.PartialFilterExpression.Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "tokensValidAfter": 1, "_id": 1 }"""), UserQueries.EarliestRevocation.Render(Args));
    }
}
