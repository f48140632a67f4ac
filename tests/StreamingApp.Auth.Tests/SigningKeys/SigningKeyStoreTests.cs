using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Auth.SigningKeys;
using StreamingApp.Auth.SigningKeys.MongoDb;
using StreamingApp.Auth.SigningKeys.Sqlite;

namespace StreamingApp.Auth.Tests.SigningKeys;

/// <summary>The behaviour every <see cref="ISigningKeyStore"/> provider must have.</summary>
public abstract class SigningKeyStoreContract : AuthStoreContract
{
    protected abstract Task<ISigningKeyStore> CreateStoreAsync();

    [Fact]
    public async Task Keys_are_listed_by_activation_time()
    {
        var store = await CreateStoreAsync();
        var later = NewKey("second", "first", Now.AddDays(30));
        var first = NewKey("first", string.Empty, Now);
        await store.CreateAsync(later, Cancellation);
        await store.CreateAsync(first, Cancellation);

        var keys = await store.ListAsync(Cancellation);

        Assert.Equal([first with { Version = 1 }, later with { Version = 1 }], keys);
    }

    [Fact]
    public async Task A_key_gets_one_successor_however_many_replicas_rotate_at_once()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewKey("first", string.Empty, Now), Cancellation);

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(index => store.CreateAsync(NewKey($"successor-{index}", "first", Now.AddDays(30)), Cancellation)));

        Assert.Single(results, result => result is not null);
        Assert.Null(await store.CreateAsync(NewKey("another-first", string.Empty, Now), Cancellation));
        Assert.Equal(2, (await store.ListAsync(Cancellation)).Count);
    }

    [Fact]
    public async Task Retired_keys_are_deleted()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewKey("first", string.Empty, Now), Cancellation);

        Assert.True(await store.DeleteAsync("first", Cancellation));
        Assert.Empty(await store.ListAsync(Cancellation));
    }

    private static SigningKey NewKey(string id, string predecessorId, DateTimeOffset activatesAt) => new()
    {
        Id = id,
        Algorithm = "ES256",
        PublicKey = "public",
        ProtectedPrivateKey = "v1.private",
        PredecessorId = predecessorId,
        CreatedAt = Now,
        ActivatesAt = activatesAt,
    };
}

public sealed class SqliteSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override async Task<ISigningKeyStore> CreateStoreAsync() => new SqliteSigningKeyStore(await MigratedAuthDatabaseAsync());
}

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override async Task<ISigningKeyStore> CreateStoreAsync()
    {
        var store = new MongoSigningKeyStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

/// <summary>What the MongoDB signing key store sends to the server, checked without one.</summary>
public sealed class MongoSigningKeyMappingTests
{
    static MongoSigningKeyMappingTests() => MongoSigningKeyStore.RegisterClassMaps();

    private static RenderArgs<SigningKey> Args => new(BsonSerializer.LookupSerializer<SigningKey>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_key_round_trips_through_bson_with_its_kid_as_the_document_id()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, 5, TimeSpan.Zero);
        var key = new SigningKey
        {
            Id = "kid", Algorithm = "ES256", PublicKey = "spki", ProtectedPrivateKey = "v1.x", PredecessorId = "old",
            CreatedAt = at, ActivatesAt = at.AddDays(1), Version = 1,
        };

        var document = key.ToBsonDocument();

        Assert.Equal("kid", document["_id"].AsString);
        Assert.Equal("v1.x", document["protectedPrivateKey"].AsString);
        Assert.Equal(key, BsonSerializer.Deserialize<SigningKey>(document));
    }

    [Fact]
    public void The_predecessor_is_unique_and_keys_sort_by_activation()
    {
        var index = SigningKeyQueries.Indexes().Single();

        Assert.Equal(BsonDocument.Parse("""{ "predecessorId": 1 }"""), index.Keys.Render(Args));
        Assert.True(index.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "activatesAt": 1, "_id": 1 }"""), SigningKeyQueries.ByActivation.Render(Args));
    }
}
