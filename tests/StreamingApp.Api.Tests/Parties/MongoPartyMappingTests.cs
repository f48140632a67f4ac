using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.Api.Parties;
using StreamingApp.Api.Parties.MongoDb;

namespace StreamingApp.Api.Tests.Parties;

/// <summary>What the MongoDB party stores send to the server, checked without one: documents, filters, sorts, updates and indexes.</summary>
public sealed class MongoPartyMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, 125, TimeSpan.Zero);

    static MongoPartyMappingTests() => PartyQueries.RegisterClassMaps();

    private static RenderArgs<Party> PartyArgs => new(BsonSerializer.LookupSerializer<Party>(), BsonSerializer.SerializerRegistry);

    private static RenderArgs<ChatMessage> MessageArgs => new(BsonSerializer.LookupSerializer<ChatMessage>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_party_round_trips_through_bson_with_its_id_as_the_document_id_and_no_derived_fields()
    {
        var party = PartyStoreContract.NewParty("p1", "code-1", Now) with
        {
            Playback = new PartyPlayback { State = PlaybackState.Playing, PositionSeconds = 3.5, AtServerTime = Now, Rate = 1.5, Revision = 2, Command = PartyCommand.Play },
            EndedAt = Now,
            EndReason = PartyEndReason.EndedByHost,
        };

        var document = party.ToBsonDocument();
        var read = BsonSerializer.Deserialize<Party>(document);

        Assert.Equal("p1", document["_id"].AsString);
        Assert.Equal(BsonType.DateTime, document["dueAt"].BsonType);
        Assert.Equal("Playing", document["playback"]["state"].AsString);
        Assert.Equal("EndedByHost", document["endReason"].AsString);
        Assert.Equal("Host", document["members"][0]["role"].AsString);
        Assert.False(document.Contains("hasEnded"));
        Assert.False(document["members"][0].AsBsonDocument.Contains("isConnected"));
        PartyStoreContract.AssertSameParty(party, read);
    }

    [Fact]
    public void A_message_round_trips_keyed_by_its_id()
    {
        var message = new ChatMessage("m1", "p1", "u1", "Ann", "hello", Now, Deleted: false);

        var document = message.ToBsonDocument();

        Assert.Equal("m1", document["_id"].AsString);
        Assert.Equal(message, BsonSerializer.Deserialize<ChatMessage>(document));
    }

    [Fact]
    public void Sweeps_invites_and_chat_render_as_expected()
    {
        Assert.Equal(new BsonDocument("dueAt", new BsonDocument("$lte", Now.UtcDateTime)), PartyQueries.DueBy(Now).Render(PartyArgs));
        Assert.Equal(BsonDocument.Parse("""{ "dueAt": 1, "_id": 1 }"""), PartyQueries.MostOverdueFirst.Render(PartyArgs));
        Assert.Equal(BsonDocument.Parse("""{ "inviteCode": "abc" }"""), PartyQueries.ByInviteCode("abc").Render(PartyArgs));
        Assert.Equal(BsonDocument.Parse("""{ "partyId": "p1", "_id": { "$lt": "m9" } }"""), PartyQueries.MessagesBefore("p1", "m9").Render(MessageArgs));
        Assert.Equal(BsonDocument.Parse("""{ "partyId": "p1" }"""), PartyQueries.MessagesBefore("p1", null).Render(MessageArgs));
        Assert.Equal(BsonDocument.Parse("""{ "_id": -1 }"""), PartyQueries.NewestMessagesFirst.Render(MessageArgs));
        Assert.Equal(BsonDocument.Parse("""{ "$set": { "deleted": true, "text": "" } }"""), PartyQueries.MarkDeleted.Render(MessageArgs).AsBsonDocument);
    }

    [Fact]
    public void Indexes_make_invite_codes_unique_and_serve_the_sweep_and_the_chat_history()
    {
        var parties = PartyQueries.PartyIndexes().ToDictionary(index => index.Options.Name, index => (index.Keys.Render(PartyArgs), index.Options.Unique));
        var messages = Assert.Single(PartyQueries.MessageIndexes());

        Assert.Equal((BsonDocument.Parse("""{ "inviteCode": 1 }"""), true), parties["invite_code"]);
        Assert.Equal((BsonDocument.Parse("""{ "dueAt": 1, "_id": 1 }"""), (bool?)null), parties["due"]);
        Assert.Equal(BsonDocument.Parse("""{ "partyId": 1, "_id": -1 }"""), messages.Keys.Render(MessageArgs));
    }
}
