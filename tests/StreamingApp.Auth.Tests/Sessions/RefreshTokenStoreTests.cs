using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Auth.Sessions;
using StreamingApp.Auth.Sessions.MongoDb;
using StreamingApp.Auth.Sessions.Sqlite;

namespace StreamingApp.Auth.Tests.Sessions;

public sealed class SqliteRefreshTokenStoreTests : RefreshTokenStoreContract
{
    protected override async Task<IRefreshTokenStore> CreateStoreAsync() => new SqliteRefreshTokenStore(await MigratedAuthDatabaseAsync());
}

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoRefreshTokenStoreTests : RefreshTokenStoreContract
{
    protected override async Task<IRefreshTokenStore> CreateStoreAsync()
    {
        var store = new MongoRefreshTokenStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

/// <summary>What the MongoDB refresh token store sends to the server, checked without one.</summary>
public sealed class MongoRefreshTokenMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, 123, TimeSpan.Zero);

    static MongoRefreshTokenMappingTests() => MongoRefreshTokenStore.RegisterClassMaps();

    private static RenderArgs<RefreshToken> Args => new(BsonSerializer.LookupSerializer<RefreshToken>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_token_round_trips_through_bson_with_its_hash_as_the_document_id()
    {
        var token = new RefreshToken
        {
            Id = "ab12", UserId = "user", FamilyId = "family", CreatedAt = Now, ExpiresAt = Now.AddDays(30),
            UsedAt = Now, ReplacedBy = "cd34", RevokedAt = Now, RevokedReason = RevocationReasons.Reused, Version = 3,
        };

        var document = token.ToBsonDocument();

        Assert.Equal("ab12", document["_id"].AsString);
        Assert.Equal(BsonType.DateTime, document["expiresAt"].BsonType);
        Assert.Equal(token, BsonSerializer.Deserialize<RefreshToken>(document));
    }

    [Fact]
    public void Revoking_sets_the_time_and_reason_and_bumps_the_version_of_unrevoked_tokens()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "familyId": "f", "revokedAt": null }"""),
            RefreshTokenQueries.UnrevokedInFamily("f").Render(Args));
        Assert.Equal(
            BsonDocument.Parse("""{ "userId": "u", "revokedAt": null, "familyId": { "$ne": "keep" } }"""),
            RefreshTokenQueries.UnrevokedOfUser("u", "keep").Render(Args));
        Assert.Equal(
            BsonDocument.Parse("""{ "userId": "u", "revokedAt": null }"""),
            RefreshTokenQueries.UnrevokedOfUser("u", null).Render(Args));
        Assert.Equal(
            new BsonDocument
            {
                { "$set", new BsonDocument { { "revokedAt", new BsonDateTime(Now.UtcDateTime) }, { "revokedReason", "reused" } } },
                { "$inc", new BsonDocument("version", 1L) },
            },
            RefreshTokenQueries.Revoke(Now, RevocationReasons.Reused).Render(Args).AsBsonDocument);
    }

    [Fact]
    public void Expired_tokens_go_through_a_ttl_index()
    {
        var ttl = RefreshTokenQueries.Indexes().Single(index => index.Options.Name == "expires_at_ttl");

        Assert.Equal(BsonDocument.Parse("""{ "expiresAt": 1 }"""), ttl.Keys.Render(Args));
        Assert.Equal(TimeSpan.Zero, ttl.Options.ExpireAfter);
        Assert.Equal(
            new BsonDocument("expiresAt", new BsonDocument("$lt", new BsonDateTime(Now.UtcDateTime))),
            RefreshTokenQueries.ExpiredBefore(Now).Render(Args));
        Assert.Contains(RefreshTokenQueries.Indexes(), index => index.Keys.Render(Args) == BsonDocument.Parse("""{ "familyId": 1 }"""));
    }
}
