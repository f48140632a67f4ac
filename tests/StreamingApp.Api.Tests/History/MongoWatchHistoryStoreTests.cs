using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Api.History;
using StreamingApp.Api.History.MongoDb;

namespace StreamingApp.Api.Tests.History;

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoWatchHistoryStoreTests : WatchHistoryStoreContract
{
    protected override async Task<IWatchHistoryStore> CreateStoreAsync()
    {
        var store = new MongoWatchHistoryStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}

public sealed class MongoWatchHistoryMappingTests
{
    static MongoWatchHistoryMappingTests() => MongoWatchHistoryStore.RegisterClassMaps();

    private static RenderArgs<WatchProgressDocument> Args => new(BsonSerializer.LookupSerializer<WatchProgressDocument>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_position_is_one_document_per_viewer_and_video()
    {
        var progress = new WatchProgress("u1", "v1", 12.5, new DateTimeOffset(2026, 1, 1, 0, 0, 0, 250, TimeSpan.Zero));

        var document = WatchProgressDocument.From(progress).ToBsonDocument();

        Assert.Equal("u1:v1", document["_id"].AsString);
        Assert.Equal(BsonType.DateTime, document["updatedAt"].BsonType);
        Assert.Equal(progress, BsonSerializer.Deserialize<WatchProgressDocument>(document).ToProgress());
    }

    [Fact]
    public void Queries_and_indexes_render_as_expected()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "u1:v1" }"""), WatchHistoryQueries.ById("u1", "v1").Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "videoId": "v1" }"""), WatchHistoryQueries.ByVideo("v1").Render(Args));
        Assert.Equal(BsonDocument.Parse("""{ "updatedAt": -1, "videoId": 1 }"""), WatchHistoryQueries.MostRecentFirst.Render(Args));
        Assert.Equal(
            [BsonDocument.Parse("""{ "userId": 1, "updatedAt": -1 }"""), BsonDocument.Parse("""{ "videoId": 1 }""")],
            WatchHistoryQueries.Indexes().Select(index => index.Keys.Render(Args)));
    }
}
