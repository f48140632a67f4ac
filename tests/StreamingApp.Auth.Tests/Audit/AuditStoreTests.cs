using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.Audit.MongoDb;
using StreamingApp.Auth.Audit.Sqlite;

namespace StreamingApp.Auth.Tests.Audit;

/// <summary>The behaviour every <see cref="IAuditStore"/> provider must have.</summary>
public abstract class AuditStoreContract : AuthStoreContract
{
    protected abstract Task<IAuditStore> CreateStoreAsync();

    [Fact]
    public async Task A_users_events_are_listed_newest_first_with_their_details()
    {
        var store = await CreateStoreAsync();
        var older = NewEvent("user", AuditEventTypes.SignInFailed, Now) with { Details = new Dictionary<string, string> { ["reason"] = "bad-credentials" } };
        var newer = NewEvent("user", AuditEventTypes.SignInSucceeded, Now.AddMinutes(1));
        await store.CreateAsync(older, Cancellation);
        await store.CreateAsync(newer, Cancellation);
        await store.CreateAsync(NewEvent("other", AuditEventTypes.SignInSucceeded, Now.AddMinutes(2)), Cancellation);

        var events = await store.ListForUserAsync("user", 10, Cancellation);

        Assert.Equal([newer.Id, older.Id], events.Select(auditEvent => auditEvent.Id));
        Assert.Equal("bad-credentials", events[1].Details["reason"]);
        Assert.Equal("203.0.113.9", events[1].IpAddress);
        Assert.Single(await store.ListForUserAsync("user", 1, Cancellation));
    }

    [Fact]
    public async Task Events_past_their_retention_are_deleted()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewEvent("user", AuditEventTypes.PasswordChanged, Now) with { ExpiresAt = Now.AddSeconds(-1) }, Cancellation);
        await store.CreateAsync(NewEvent("user", AuditEventTypes.PasswordReset, Now), Cancellation);

        Assert.Equal(1, await store.DeleteExpiredAsync(Now, Cancellation));
        Assert.Equal(AuditEventTypes.PasswordReset, Assert.Single(await store.ListForUserAsync("user", 10, Cancellation)).Type);
    }

    private static AuditEvent NewEvent(string userId, string type, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at).ToString("N"),
        Type = type,
        At = at,
        UserId = userId,
        ActorId = userId,
        IpAddress = "203.0.113.9",
        UserAgent = "tests",
        ExpiresAt = at.AddDays(365),
    };
}

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override async Task<IAuditStore> CreateStoreAsync() => new SqliteAuditStore(await MigratedAuthDatabaseAsync());
}

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoAuditStoreTests : AuditStoreContract
{
    protected override async Task<IAuditStore> CreateStoreAsync()
    {
        var store = new MongoAuditStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

/// <summary>What the MongoDB audit store sends to the server, checked without one.</summary>
public sealed class MongoAuditMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> NoDetails = [];

    static MongoAuditMappingTests() => MongoAuditStore.RegisterClassMaps();

    private static RenderArgs<AuditEvent> Args => new(BsonSerializer.LookupSerializer<AuditEvent>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void An_event_round_trips_through_bson_with_its_details_as_a_subdocument()
    {
        var auditEvent = new AuditEvent
        {
            Id = "e1", Type = AuditEventTypes.RolesChanged, At = Now, UserId = "u", ActorId = "admin", IpAddress = "::1", UserAgent = "ua",
            Details = new Dictionary<string, string> { ["from"] = "viewer", ["to"] = "viewer creator" }, ExpiresAt = Now.AddDays(365), Version = 1,
        };

        var document = auditEvent.ToBsonDocument();
        var read = BsonSerializer.Deserialize<AuditEvent>(document);

        Assert.Equal("e1", document["_id"].AsString);
        Assert.Equal(BsonDocument.Parse("""{ "from": "viewer", "to": "viewer creator" }"""), document["details"].AsBsonDocument);
        Assert.Equal(auditEvent with { Details = NoDetails }, read with { Details = NoDetails });
        Assert.Equal(auditEvent.Details, read.Details);
    }

    [Fact]
    public void Events_are_read_per_user_newest_first_and_expire_through_a_ttl_index()
    {
        var ttl = AuditQueries.Indexes().Single(index => index.Options.Name == "expires_at_ttl");

        Assert.Equal(BsonDocument.Parse("""{ "userId": "u" }"""), AuditQueries.OfUser("u").Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "at": -1, "_id": -1 }"""), AuditQueries.Newest.Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "userId": 1, "at": -1 }"""), AuditQueries.Indexes().Single(index => index.Options.Name == "user_at").Keys.Render(Args));
        Assert.Equal(TimeSpan.Zero, ttl.Options.ExpireAfter);
        Assert.Equal(new BsonDocument("expiresAt", new BsonDocument("$lt", new BsonDateTime(Now.UtcDateTime))), AuditQueries.ExpiredBefore(Now).Render(Args));
    }
}
