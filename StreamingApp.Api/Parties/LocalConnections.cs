using System.Collections.Concurrent;

namespace StreamingApp.Api.Parties;

/// <summary>
/// The party each connection of this instance has joined. This is per-connection data, never authoritative: the
/// stored party says who is a member and who is connected.
/// </summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);

    public LocalConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public void Bind(string connectionId, LocalConnection connection) => _connections[connectionId] = connection;

    public LocalConnection? Unbind(string connectionId) => _connections.TryRemove(connectionId, out var connection) ? connection : null;

    /// <summary>Whether another connection on this instance belongs to the same member.</summary>
    public bool HasOther(string connectionId, LocalConnection connection) =>
        _connections.Any(entry => entry.Key != connectionId && entry.Value.PartyId == connection.PartyId && entry.Value.UserId == connection.UserId);

    /// <summary>Parties with at least one member connected here.</summary>
    public int PartyCount => _connections.Values.Select(connection => connection.PartyId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Members with at least one connection here.</summary>
    public int MemberCount => _connections.Values.Select(connection => (connection.PartyId, connection.UserId)).Distinct().Count();
}

/// <summary>A connection's party and member, plus what was last written about it, so pings write only when something is worth storing.</summary>
public sealed class LocalConnection(string partyId, string userId, DateTimeOffset seenStoredAt)
{
    public string PartyId => partyId;

    public string UserId => userId;

    public DateTimeOffset SeenStoredAt { get; set; } = seenStoredAt;

    public double RoundTripStoredMs { get; set; }
}
