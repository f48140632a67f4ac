using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.Parties.MongoDb;

public sealed class MongoPartyStore(IMongoDatabase database) : DocumentStore<Party>(Collection(database)), IPartyStore, IDatabaseInitializer
{
    public const string CollectionName = "parties";

    private readonly MongoDocumentCollection<Party> _parties = Collection(database);

    private static MongoDocumentCollection<Party> Collection(IMongoDatabase database)
    {
        PartyQueries.RegisterClassMaps();
        return new MongoDocumentCollection<Party>(database.GetCollection<Party>(CollectionName));
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _parties.Collection.Indexes.CreateManyAsync(PartyQueries.PartyIndexes(), cancellationToken);

    public async Task<Party?> GetByInviteCodeAsync(string inviteCode, CancellationToken cancellationToken) =>
        await _parties.Collection.Find(PartyQueries.ByInviteCode(inviteCode)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Party>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await _parties.Collection.Find(PartyQueries.DueBy(now)).Sort(PartyQueries.MostOverdueFirst).Limit(limit).ToListAsync(cancellationToken);
}

public sealed class MongoPartyMessageStore : IPartyMessageStore, IDatabaseInitializer
{
    public const string CollectionName = "partyMessages";

    private readonly IMongoCollection<ChatMessage> _messages;

    public MongoPartyMessageStore(IMongoDatabase database)
    {
        PartyQueries.RegisterClassMaps();
        _messages = database.GetCollection<ChatMessage>(CollectionName);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _messages.Indexes.CreateManyAsync(PartyQueries.MessageIndexes(), cancellationToken);

    public Task AddAsync(ChatMessage message, CancellationToken cancellationToken) =>
        _messages.InsertOneAsync(message, cancellationToken: cancellationToken);

    public async Task<ChatMessage?> GetAsync(string partyId, string messageId, CancellationToken cancellationToken) =>
        await _messages.Find(PartyQueries.Message(partyId, messageId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ChatMessage>> ListAsync(string partyId, string? beforeId, int limit, CancellationToken cancellationToken) =>
        await _messages.Find(PartyQueries.MessagesBefore(partyId, beforeId)).Sort(PartyQueries.NewestMessagesFirst).Limit(limit).ToListAsync(cancellationToken);

    public async Task<bool> MarkDeletedAsync(string partyId, string messageId, CancellationToken cancellationToken) =>
        (await _messages.UpdateOneAsync(PartyQueries.Message(partyId, messageId), PartyQueries.MarkDeleted, cancellationToken: cancellationToken)).MatchedCount == 1;

    public Task DeleteForPartyAsync(string partyId, CancellationToken cancellationToken) =>
        _messages.DeleteManyAsync(PartyQueries.MessagesOf(partyId), cancellationToken);
}
