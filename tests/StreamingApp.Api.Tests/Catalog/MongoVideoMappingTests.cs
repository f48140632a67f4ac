using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Api.Catalog.MongoDb;

namespace StreamingApp.Api.Tests.Catalog;

/// <summary>What the MongoDB provider sends to the server, checked without one: documents, filters, sorts, indexes.</summary>
public sealed class MongoVideoMappingTests
{
    static MongoVideoMappingTests() => CatalogClassMaps.Register();

    // Looked up on use: a serializer built before the conventions are registered would ignore them.
    private static IBsonSerializer<Video> Serializer => BsonSerializer.LookupSerializer<Video>();

    [Fact]
    public void A_video_round_trips_through_bson_with_its_id_as_the_document_id()
    {
        var video = new Video
        {
            Id = "0190c0ffee0000000000000000000001",
            OwnerId = "owner",
            Title = "Title",
            Genre = Genre.SciFi,
            Tags = ["a", "b"],
            Status = VideoStatus.Failed,
            FailureReason = "No video stream.",
            Visibility = Visibility.Unlisted,
            AllowedCountries = ["FR"],
            Renditions = [new Rendition(1280, 720, 3_000_000, "avc1.64001f,mp4a.40.2", "720p/index.m3u8")],
            Source = new SourceFile("sources/x/source.mp4", 10, "abc", "video/mp4"),
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            Version = 3,
        };

        var document = video.ToBsonDocument();
        var read = BsonSerializer.Deserialize<Video>(document);

        Assert.Equal(video.Id, document["_id"].AsString);
        Assert.Equal("SciFi", document["genre"].AsString);
        Assert.Equal("Failed", document["status"].AsString);
        Assert.Equal(BsonType.DateTime, document["createdAt"].BsonType);
        Assert.Equal(video.Renditions, read.Renditions);
        Assert.Equal(video.Tags, read.Tags);
        Assert.Equal(video.Source, read.Source);
        Assert.Equal(video.CreatedAt, read.CreatedAt);
        Assert.Equal(video.Version, read.Version);
    }

    [Fact]
    public void The_catalog_filter_renders_status_visibility_text_genre_and_country_rules()
    {
        var filter = VideoQueries.Catalog(new CatalogQuery(Text: "night train", Genre: Genre.Drama, Country: "FR"));

        var rendered = Render(filter);

        Assert.Equal(BsonDocument.Parse("""
            {
              "status": "Ready",
              "visibility": "Public",
              "$text": { "$search": "\"night\" \"train\"" },
              "genre": "Drama",
              "$or": [ { "allowedCountries": { "$size": 0 } }, { "allowedCountries": "FR" } ],
              "blockedCountries": { "$ne": "FR" }
            }
            """), rendered);
    }

    [Fact]
    public void Sorting_by_popularity_breaks_ties_by_id_for_stable_pages()
    {
        var sort = VideoQueries.CatalogSort(CatalogSort.Popular).Render(new RenderArgs<Video>(Serializer, BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "viewCount": -1, "_id": -1 }"""), sort);
    }

    [Fact]
    public void Indexes_cover_the_catalog_sorts_the_owner_list_and_full_text()
    {
        var indexes = VideoQueries.Indexes()
            .ToDictionary(index => index.Options.Name, index => index.Keys.Render(new RenderArgs<Video>(Serializer, BsonSerializer.SerializerRegistry)));

        Assert.Equal(BsonDocument.Parse("""{ "status": 1, "visibility": 1, "publishedAt": -1, "_id": -1 }"""), indexes["catalog_newest"]);
        Assert.Equal(BsonDocument.Parse("""{ "status": 1, "visibility": 1, "viewCount": -1, "_id": -1 }"""), indexes["catalog_popular"]);
        Assert.Equal(BsonDocument.Parse("""{ "ownerId": 1, "createdAt": -1 }"""), indexes["owner"]);
        Assert.Equal(BsonDocument.Parse("""{ "title": "text", "description": "text", "tags": "text" }"""), indexes["catalog_text"]);
    }

    [Fact]
    public void Owner_admin_and_view_count_operations_render_as_expected()
    {
        var args = new RenderArgs<Video>(Serializer, BsonSerializer.SerializerRegistry);

        Assert.Equal(BsonDocument.Parse("""{ "ownerId": "u1" }"""), Render(VideoQueries.ByOwner("u1")));
        Assert.Equal(BsonDocument.Parse("""{ "_id": { "$in": ["a", "b"] } }"""), Render(VideoQueries.ByIds(["a", "b"])));
        Assert.Equal(BsonDocument.Parse("""{ "status": "Failed" }"""), Render(VideoQueries.Admin(new AdminVideoQuery(Status: VideoStatus.Failed))));
        Assert.Equal(new BsonDocument(), Render(VideoQueries.Admin(new AdminVideoQuery())));
        Assert.Equal(BsonDocument.Parse("""{ "$inc": { "viewCount": 1 } }"""), VideoQueries.OneMoreView.Render(args).AsBsonDocument);
        Assert.Equal(BsonDocument.Parse("""{ "createdAt": -1, "_id": -1 }"""), VideoQueries.NewestCreated.Render(args));
    }

    private static BsonDocument Render(FilterDefinition<Video> filter) =>
        filter.Render(new RenderArgs<Video>(Serializer, BsonSerializer.SerializerRegistry));
}
