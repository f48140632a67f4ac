namespace StreamingApp.Api.Parties;

public interface IPartyStore
{
    Task<Party?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new party at version 1; <c>null</c> when the id or the invite code is taken.</summary>
    Task<Party?> CreateAsync(Party party, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the party if nobody changed it since <paramref name="party"/> was read (same <see cref="Party.Version"/>);
    /// the stored copy with its new version, or <c>null</c> when it changed or no longer exists.
    /// </summary>
    Task<Party?> UpdateAsync(Party party, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    Task<Party?> GetByInviteCodeAsync(string inviteCode, CancellationToken cancellationToken);

    /// <summary>Parties whose <see cref="Party.DueAt"/> is at or before <paramref name="now"/>, most overdue first.</summary>
    Task<IReadOnlyList<Party>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>A chat message; a deleted one keeps its place in the history but loses its text.</summary>
/// <param name="Id">Time-ordered (UUID version 7, hex), so ordering by id is ordering by time.</param>
public sealed record ChatMessage(string Id, string PartyId, string AuthorId, string AuthorName, string Text, DateTimeOffset SentAt, bool Deleted);

public interface IPartyMessageStore
{
    Task AddAsync(ChatMessage message, CancellationToken cancellationToken);

    Task<ChatMessage?> GetAsync(string partyId, string messageId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages of the party older than <paramref name="beforeId"/> (or the newest), newest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ListAsync(string partyId, string? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks the message deleted and forgets its text; <c>false</c> when the party has no such message.</summary>
    Task<bool> MarkDeletedAsync(string partyId, string messageId, CancellationToken cancellationToken);

    Task DeleteForPartyAsync(string partyId, CancellationToken cancellationToken);
}
