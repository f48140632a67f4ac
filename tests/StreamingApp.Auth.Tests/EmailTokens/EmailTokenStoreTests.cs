using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Auth.EmailTokens;
using StreamingApp.Auth.EmailTokens.MongoDb;
using StreamingApp.Auth.EmailTokens.Sqlite;

namespace StreamingApp.Auth.Tests.EmailTokens;

/// <summary>The behaviour every <see cref="IEmailTokenStore"/> provider must have.</summary>
public abstract class EmailTokenStoreContract : AuthStoreContract
{
    protected abstract Task<IEmailTokenStore> CreateStoreAsync();

    [Fact]
    public async Task A_token_is_consumed_exactly_once()
    {
        var store = await CreateStoreAsync();
        var token = (await store.CreateAsync(NewToken("user", EmailTokenPurpose.VerifyEmail), Cancellation))!;

        Assert.Equal(token, await store.GetAsync(token.Id, Cancellation));
        var consumed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => store.DeleteAsync(token.Id, Cancellation)));

        Assert.Single(consumed, result => result);
        Assert.Null(await store.GetAsync(token.Id, Cancellation));
    }

    [Fact]
    public async Task A_users_tokens_of_one_purpose_are_withdrawn_together()
    {
        var store = await CreateStoreAsync();
        var reset = (await store.CreateAsync(NewToken("user", EmailTokenPurpose.ResetPassword), Cancellation))!;
        await store.CreateAsync(NewToken("user", EmailTokenPurpose.ResetPassword), Cancellation);
        var verify = (await store.CreateAsync(NewToken("user", EmailTokenPurpose.VerifyEmail), Cancellation))!;
        var others = (await store.CreateAsync(NewToken("other", EmailTokenPurpose.ResetPassword), Cancellation))!;

        Assert.Equal(2, await store.DeleteForUserAsync("user", EmailTokenPurpose.ResetPassword, Cancellation));
        Assert.Null(await store.GetAsync(reset.Id, Cancellation));
        Assert.NotNull(await store.GetAsync(verify.Id, Cancellation));
        Assert.NotNull(await store.GetAsync(others.Id, Cancellation));
    }

    [Fact]
    public async Task Expired_tokens_are_deleted()
    {
        var store = await CreateStoreAsync();
        var expired = (await store.CreateAsync(NewToken("user", EmailTokenPurpose.ResetPassword) with { ExpiresAt = Now.AddSeconds(-1) }, Cancellation))!;
        var valid = (await store.CreateAsync(NewToken("user", EmailTokenPurpose.VerifyEmail), Cancellation))!;

        Assert.Equal(1, await store.DeleteExpiredAsync(Now, Cancellation));
        Assert.Null(await store.GetAsync(expired.Id, Cancellation));
        Assert.NotNull(await store.GetAsync(valid.Id, Cancellation));
    }

    private static EmailToken NewToken(string userId, EmailTokenPurpose purpose) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        UserId = userId,
        Purpose = purpose,
        CreatedAt = Now,
        ExpiresAt = Now.AddHours(1),
    };
}

public sealed class SqliteEmailTokenStoreTests : EmailTokenStoreContract
{
    protected override async Task<IEmailTokenStore> CreateStoreAsync() => new SqliteEmailTokenStore(await MigratedAuthDatabaseAsync());
}

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoEmailTokenStoreTests : EmailTokenStoreContract
{
    protected override async Task<IEmailTokenStore> CreateStoreAsync()
    {
        var store = new MongoEmailTokenStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

/// <summary>What the MongoDB email token store sends to the server, checked without one.</summary>
public sealed class MongoEmailTokenMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static MongoEmailTokenMappingTests() => MongoEmailTokenStore.RegisterClassMaps();

    private static RenderArgs<EmailToken> Args => new(BsonSerializer.LookupSerializer<EmailToken>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_token_round_trips_through_bson_with_its_purpose_as_text()
    {
        var token = new EmailToken { Id = "hash", UserId = "user", Purpose = EmailTokenPurpose.ResetPassword, CreatedAt = Now, ExpiresAt = Now.AddMinutes(30), Version = 1 };

        var document = token.ToBsonDocument();

        Assert.Equal("hash", document["_id"].AsString);
        Assert.Equal("ResetPassword", document["purpose"].AsString);
        Assert.Equal(token, BsonSerializer.Deserialize<EmailToken>(document));
    }

    [Fact]
    public void Tokens_are_withdrawn_per_user_and_purpose_and_expire_through_a_ttl_index()
    {
        var ttl = EmailTokenQueries.Indexes().Single(index => index.Options.Name == "expires_at_ttl");

        Assert.Equal(BsonDocument.Parse("""{ "userId": "u", "purpose": "VerifyEmail" }"""), EmailTokenQueries.OfUser("u", EmailTokenPurpose.VerifyEmail).Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "expiresAt": 1 }"""), ttl.Keys.Render(Args));
        Assert.Equal(TimeSpan.Zero, ttl.Options.ExpireAfter);
        Assert.Equal(new BsonDocument("expiresAt", new BsonDocument("$lt", new BsonDateTime(Now.UtcDateTime))), EmailTokenQueries.ExpiredBefore(Now).Render(Args));
    }
}
