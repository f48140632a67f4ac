using Microsoft.AspNetCore.SignalR;

namespace StreamingApp.Api.Parties;

/// <summary>The chat beside the player: messages are stored first, then sent to the party's group.</summary>
public sealed class PartyChat(
    IPartyStore parties, IPartyMessageStore messages, PartyCoordinator coordinator, PartyRules rules, ChatRateLimiter limiter,
    IHubContext<PartyHub, IPartyClient> hub, PartyMetrics metrics, TimeProvider time)
{
    public const int MaxLength = 500;

    public async Task<PartyError?> SendAsync(string partyId, string userId, string? text, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return PartyError.Invalid($"A message has 1 to {MaxLength} characters.");
        }

        var party = await parties.GetAsync(partyId, cancellationToken);
        if (Acting(party, userId) is { } refusal)
        {
            return refusal;
        }

        if (!limiter.TryAcquire(partyId, userId))
        {
            return PartyError.ChatRateLimited;
        }

        var now = time.GetUtcNow();
        var message = new ChatMessage(Guid.CreateVersion7(now).ToString("N"), partyId, userId, party!.FindMember(userId)!.DisplayName, trimmed, now, Deleted: false);
        await messages.AddAsync(message, cancellationToken);
        metrics.ChatMessage();
        await hub.Clients.Group(PartyHub.GroupName(partyId)).MessageReceived(ChatMessageView.From(message));
        if (rules.ChatActivity(party, now).Changed is not null)
        {
            await coordinator.ChangeAsync(partyId, rules.ChatActivity, cancellationToken);
        }

        return null;
    }

    /// <summary>The host or a cohost takes a message down; it stays in the history as deleted, without its text.</summary>
    public async Task<PartyError?> DeleteAsync(string partyId, string actorId, string messageId, CancellationToken cancellationToken)
    {
        var party = await parties.GetAsync(partyId, cancellationToken);
        if (Acting(party, actorId) is { } refusal)
        {
            return refusal;
        }

        if (!party!.FindMember(actorId)!.IsModerator)
        {
            return PartyError.NotAllowed("Only the host and cohosts delete messages.");
        }

        if (!PartyViews.IsId(messageId) || !await messages.MarkDeletedAsync(partyId, messageId, cancellationToken))
        {
            return PartyError.MessageNotFound;
        }

        await hub.Clients.Group(PartyHub.GroupName(partyId)).MessageDeleted(messageId);
        return null;
    }

    private static PartyError? Acting(Party? party, string userId) =>
        party?.FindMember(userId) is null ? PartyError.NotFound : party.HasEnded ? PartyError.Ended : null;
}
