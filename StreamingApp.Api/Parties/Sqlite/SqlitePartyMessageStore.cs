using Dapper;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.Parties.Sqlite;

public sealed class SqlitePartyMessageStore(SqliteDatabase database) : IPartyMessageStore
{
    private const string Columns = """
        id AS Id, party_id AS PartyId, author_id AS AuthorId, author_name AS AuthorName, text AS Text, sent_at AS SentAt, deleted AS Deleted
        """;

    public async Task AddAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO party_messages (id, party_id, author_id, author_name, text, sent_at, deleted)
            VALUES (@Id, @PartyId, @AuthorId, @AuthorName, @Text, @SentAt, @Deleted)
            """, message, cancellationToken: cancellationToken));
    }

    public async Task<ChatMessage?> GetAsync(string partyId, string messageId, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE party_id = @partyId AND id = @messageId", new { partyId, messageId }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<ChatMessage>> ListAsync(string partyId, string? beforeId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"WHERE party_id = @partyId {(beforeId is null ? string.Empty : "AND id < @beforeId")} ORDER BY id DESC LIMIT @limit",
            new { partyId, beforeId, limit }, cancellationToken);

    public async Task<bool> MarkDeletedAsync(string partyId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE party_messages SET deleted = 1, text = '' WHERE party_id = @partyId AND id = @messageId",
            new { partyId, messageId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task DeleteForPartyAsync(string partyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM party_messages WHERE party_id = @partyId", new { partyId }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<ChatMessage>> QueryAsync(string clauses, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition(
            $"SELECT {Columns} FROM party_messages {clauses}", parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToMessage()).ToList();
    }

    /// <summary>Column types as SQLite returns them (integers for booleans, text times), converted on the way out.</summary>
    private sealed class MessageRow
    {
        public string Id { get; init; } = string.Empty;

        public string PartyId { get; init; } = string.Empty;

        public string AuthorId { get; init; } = string.Empty;

        public string AuthorName { get; init; } = string.Empty;

        public string Text { get; init; } = string.Empty;

        public DateTimeOffset SentAt { get; init; }

        public long Deleted { get; init; }

        public ChatMessage ToMessage() => new(Id, PartyId, AuthorId, AuthorName, Text, SentAt, Deleted != 0);
    }
}
