using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.Parties.MongoDb;

/// <summary>The class maps, filters, sorts and indexes of the party collections, kept apart so tests can render them without a server.</summary>
internal static class PartyQueries
{
    private static readonly FilterDefinitionBuilder<Party> PartyFilter = Builders<Party>.Filter;
    private static readonly FilterDefinitionBuilder<ChatMessage> MessageFilter = Builders<ChatMessage>.Filter;

    public static SortDefinition<Party> MostOverdueFirst { get; } = Builders<Party>.Sort.Ascending(party => party.DueAt).Ascending(party => party.Id);

    public static SortDefinition<ChatMessage> NewestMessagesFirst { get; } = Builders<ChatMessage>.Sort.Descending(message => message.Id);

    public static UpdateDefinition<ChatMessage> MarkDeleted { get; } =
        Builders<ChatMessage>.Update.Set(message => message.Deleted, true).Set(message => message.Text, string.Empty);

    public static void RegisterClassMaps()
    {
        MongoConventions.Register();
        BsonClassMap.TryRegisterClassMap<Party>(map =>
        {
            map.AutoMap();
            map.MapIdMember(party => party.Id);
        });
        BsonClassMap.TryRegisterClassMap<ChatMessage>(map =>
        {
            map.AutoMap();
            map.MapIdMember(message => message.Id);
        });
    }

    public static FilterDefinition<Party> ByInviteCode(string inviteCode) => PartyFilter.Eq(party => party.InviteCode, inviteCode);

    public static FilterDefinition<Party> DueBy(DateTimeOffset now) => PartyFilter.Lte(party => party.DueAt, now);

    public static FilterDefinition<ChatMessage> MessagesOf(string partyId) => MessageFilter.Eq(message => message.PartyId, partyId);

    public static FilterDefinition<ChatMessage> Message(string partyId, string messageId) =>
        MessagesOf(partyId) & MessageFilter.Eq(message => message.Id, messageId);

    public static FilterDefinition<ChatMessage> MessagesBefore(string partyId, string? beforeId) =>
        beforeId is null ? MessagesOf(partyId) : MessagesOf(partyId) & MessageFilter.Lt(message => message.Id, beforeId);

    public static IEnumerable<CreateIndexModel<Party>> PartyIndexes()
    {
        var keys = Builders<Party>.IndexKeys;
        yield return new CreateIndexModel<Party>(keys.Ascending(party => party.InviteCode), new CreateIndexOptions { Name = "invite_code", Unique = true });
        yield return new CreateIndexModel<Party>(keys.Ascending(party => party.DueAt).Ascending(party => party.Id), new CreateIndexOptions { Name = "due" });
    }

    public static IEnumerable<CreateIndexModel<ChatMessage>> MessageIndexes()
    {
        yield return new CreateIndexModel<ChatMessage>(
            Builders<ChatMessage>.IndexKeys.Ascending(message => message.PartyId).Descending(message => message.Id), new CreateIndexOptions { Name = "party_newest" });
    }
}
