using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Processing.MongoDb;

namespace StreamingApp.Api.Tests.Media.Processing;

/// <summary>What the MongoDB queue sends to the server, checked without one: the document, the claim and the index.</summary>
public sealed class MongoProcessingJobMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, 123, TimeSpan.Zero);

    static MongoProcessingJobMappingTests() => ProcessingJobQueries.RegisterClassMap();

    private static RenderArgs<ProcessingJob> Args => new(BsonSerializer.LookupSerializer<ProcessingJob>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_job_round_trips_through_bson_keyed_by_its_video()
    {
        var job = new ProcessingJob("video-1", 2, Now.AddMinutes(2), "lease-1", "host:42:1", "ffmpeg exited with code 1", Now);

        var document = job.ToBsonDocument();
        var read = BsonSerializer.Deserialize<ProcessingJob>(document);

        Assert.Equal("video-1", document["_id"].AsString);
        Assert.Equal(BsonType.DateTime, document["availableAt"].BsonType);
        Assert.Equal(2, document["attempts"].AsInt32);
        Assert.Equal(job, read);
    }

    [Fact]
    public void A_claim_takes_the_oldest_available_job_and_leases_it()
    {
        var filter = ProcessingJobQueries.Available(Now).Render(Args);
        var update = ((BsonDocument)ProcessingJobQueries.Claim("lease-1", "worker-a", Now.AddMinutes(2)).Render(Args)).ToBsonDocument();
        var sort = ProcessingJobQueries.OldestFirst.Render(Args);

        Assert.Equal(new BsonDocument("availableAt", new BsonDocument("$lte", Now.UtcDateTime)), filter);
        Assert.Equal(BsonDocument.Parse("""{ "availableAt": 1, "_id": 1 }"""), sort);
        Assert.Equal(new BsonDocument
        {
            { "$inc", new BsonDocument("attempts", 1) },
            { "$set", new BsonDocument { { "leaseId", "lease-1" }, { "leasedBy", "worker-a" }, { "availableAt", Now.AddMinutes(2).UtcDateTime } } },
        }, update);
    }

    [Fact]
    public void Worker_updates_match_only_the_current_lease()
    {
        var job = new ProcessingJob("video-1", 1, Now, "lease-1", "worker-a", null, Now);

        Assert.Equal(BsonDocument.Parse("""{ "_id": "video-1", "leaseId": "lease-1" }"""), ProcessingJobQueries.Leased(job).Render(Args));
    }

    [Fact]
    public void Enqueueing_resets_the_job_and_abandoning_gives_the_attempt_back()
    {
        var enqueue = (BsonDocument)ProcessingJobQueries.Enqueue(Now).Render(Args);
        var abandon = (BsonDocument)ProcessingJobQueries.Abandon(Now).Render(Args);

        Assert.Equal(new BsonDocument
        {
            { "attempts", 0 }, { "availableAt", Now.UtcDateTime }, { "enqueuedAt", Now.UtcDateTime },
            { "leaseId", BsonNull.Value }, { "leasedBy", BsonNull.Value }, { "lastError", BsonNull.Value },
        }, enqueue["$set"]);
        Assert.Equal(new BsonDocument("attempts", -1), abandon["$inc"]);
        Assert.Equal(BsonNull.Value, abandon["$set"]["leaseId"]);
    }

    [Fact]
    public void The_index_serves_the_claim_filter_and_sort()
    {
        var index = Assert.Single(ProcessingJobQueries.Indexes());

        Assert.Equal("available", index.Options.Name);
        Assert.Equal(BsonDocument.Parse("""{ "availableAt": 1, "_id": 1 }"""), index.Keys.Render(Args));
    }
}
