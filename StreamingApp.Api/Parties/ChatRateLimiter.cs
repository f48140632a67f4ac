using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Parties;

/// <summary>
/// A sliding window of chat messages per member and party on this instance (by default 5 in 5 seconds). A member
/// with connections on two instances gets a window on each: the limit is against floods, not an exact quota.
/// </summary>
public sealed class ChatRateLimiter(IOptions<PartyOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string PartyId, string UserId), Queue<DateTimeOffset>> _windows = new();

    public bool TryAcquire(string partyId, string userId)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var sent = _windows.GetOrAdd((partyId, userId), _ => new Queue<DateTimeOffset>());
        lock (sent)
        {
            while (sent.Count > 0 && sent.Peek() <= now - settings.ChatWindow)
            {
                sent.Dequeue();
            }

            if (sent.Count >= settings.ChatMessagesPerWindow)
            {
                return false;
            }

            sent.Enqueue(now);
            return true;
        }
    }

    /// <summary>Drops the member's window once it has no connection here any more.</summary>
    public void Forget(string partyId, string userId) => _windows.TryRemove((partyId, userId), out _);
}
