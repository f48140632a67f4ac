using System.Text.Json.Serialization;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Parties;

/// <summary>
/// A watch party: who watches which video together, who may control it, and the shared playback state. The stored
/// document is the only authoritative copy, so any Api instance can serve any member.
/// </summary>
public sealed record Party : IVersionedDocument<Party>
{
    public required string Id { get; init; }

    public required string VideoId { get; init; }

    /// <summary>The video's length when the party started, which bounds seeks without reading the video each time.</summary>
    public double? VideoDurationSeconds { get; init; }

    /// <summary>Secret part of the invite link: 144 random bits, URL-safe base64.</summary>
    public required string InviteCode { get; init; }

    public PartyControlMode ControlMode { get; init; } = PartyControlMode.Host;

    public PartyPlayback Playback { get; init; } = new();

    /// <summary>Members in the order they joined; exactly one has <see cref="PartyRole.Host"/> while the party runs.</summary>
    public IReadOnlyList<PartyMember> Members { get; init; } = [];

    /// <summary>Accounts removed by the host or a cohost; the invite code no longer admits them.</summary>
    public IReadOnlyList<string> KickedUserIds { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>When the party ends unless a member does something first.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public PartyEndReason? EndReason { get; init; }

    /// <summary>
    /// The earliest time something must happen to the party without a member acting: a wait times out, a silent
    /// connection is dropped, the host's seat is handed on, the party expires or is purged. Any instance's sweeper
    /// picks up parties whose time has come.
    /// </summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>Incremented by every write; a write based on an older version is refused (optimistic concurrency).</summary>
    public long Version { get; init; }

    public Party WithVersion(long version) => this with { Version = version };

    [JsonIgnore]
    public bool HasEnded => EndedAt is not null;

    public PartyMember? FindMember(string userId) => Members.FirstOrDefault(member => member.UserId == userId);

    public PartyMember? FindHost() => Members.FirstOrDefault(member => member.Role == PartyRole.Host);

    /// <summary>Members the group waits for before playing: connected, not catching up alone, and without enough media buffered.</summary>
    public IEnumerable<PartyMember> NotReadyMembers() =>
        Members.Where(member => member.IsConnected && member.Sync is MemberSync.Loading or MemberSync.Buffering);
}

/// <summary>One account in a party. Presence is per connection, so a member with two tabs open stays connected until both close.</summary>
public sealed record PartyMember
{
    public required string UserId { get; init; }

    public required string DisplayName { get; init; }

    public PartyRole Role { get; init; } = PartyRole.Member;

    public DateTimeOffset JoinedAt { get; init; }

    public IReadOnlyList<PartyConnection> Connections { get; init; } = [];

    /// <summary>When the last connection closed; <c>null</c> while connected.</summary>
    public DateTimeOffset? DisconnectedAt { get; init; }

    public MemberSync Sync { get; init; } = MemberSync.Loading;

    /// <summary>Whether the player has been ready once: the first load may take longer than a rebuffer.</summary>
    public bool HasBeenReady { get; init; }

    /// <summary>Player reports about playback revisions before this one are stale and ignored (a seek reset the member's readiness).</summary>
    public long SyncRevision { get; init; }

    [JsonIgnore]
    public bool IsConnected => Connections.Count > 0;

    public bool CanControl(PartyControlMode mode) => mode == PartyControlMode.Everyone || Role is PartyRole.Host or PartyRole.Cohost;

    [JsonIgnore]
    public bool IsModerator => Role is PartyRole.Host or PartyRole.Cohost;
}

/// <summary>A SignalR connection of a member, on whichever Api instance holds it.</summary>
/// <param name="SeenAt">Last sign of life (connect, or a clock ping every so often); a connection silent for too long is dropped.</param>
/// <param name="RoundTripMs">The client's estimate of its round trip to the server, which sets how far ahead commands are scheduled.</param>
public sealed record PartyConnection(string Id, DateTimeOffset SeenAt, double RoundTripMs);

/// <summary>
/// The shared playback state: <see cref="PositionSeconds"/> is where the video is (or will be) at
/// <see cref="AtServerTime"/>; while playing, the position at any later time is the position plus the elapsed time
/// times <see cref="Rate"/>.
/// </summary>
public sealed record PartyPlayback
{
    public PlaybackState State { get; init; } = PlaybackState.Idle;

    public double PositionSeconds { get; init; }

    public DateTimeOffset AtServerTime { get; init; }

    public double Rate { get; init; } = 1;

    /// <summary>Increases with every change, so clients apply states in order and the server recognises stale player reports.</summary>
    public long Revision { get; init; }

    /// <summary>What produced this state.</summary>
    public PartyCommand Command { get; init; } = PartyCommand.None;

    /// <summary>The member who gave the command; <c>null</c> when the server decided (a wait ended).</summary>
    public string? IssuedBy { get; init; }

    /// <summary>While <see cref="PlaybackState.Waiting"/>: when the group stops waiting and plays without the members not ready.</summary>
    public DateTimeOffset? WaitDeadline { get; init; }

    /// <summary>The position at <paramref name="time"/>, never past the end of the video.</summary>
    public double PositionAt(DateTimeOffset time, double? durationSeconds)
    {
        var position = State == PlaybackState.Playing && time > AtServerTime
            ? PositionSeconds + (time - AtServerTime).TotalSeconds * Rate
            : PositionSeconds;
        return durationSeconds is { } duration ? Math.Min(position, duration) : position;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyControlMode>))]
public enum PartyControlMode
{
    /// <summary>Only the host and cohosts play, pause, seek and change the rate.</summary>
    [JsonStringEnumMemberName("host")]
    Host,

    /// <summary>Every member controls playback.</summary>
    [JsonStringEnumMemberName("everyone")]
    Everyone,
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyRole>))]
public enum PartyRole
{
    [JsonStringEnumMemberName("host")]
    Host,
    [JsonStringEnumMemberName("cohost")]
    Cohost,
    [JsonStringEnumMemberName("member")]
    Member,
}

[JsonConverter(typeof(JsonStringEnumConverter<PlaybackState>))]
public enum PlaybackState
{
    /// <summary>Nobody has started playback yet.</summary>
    [JsonStringEnumMemberName("idle")]
    Idle,

    /// <summary>The group will play as soon as every connected member is ready, or at the wait deadline.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,
    [JsonStringEnumMemberName("paused")]
    Paused,
    [JsonStringEnumMemberName("playing")]
    Playing,
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyCommand>))]
public enum PartyCommand
{
    [JsonStringEnumMemberName("none")]
    None,
    [JsonStringEnumMemberName("play")]
    Play,
    [JsonStringEnumMemberName("pause")]
    Pause,
    [JsonStringEnumMemberName("seek")]
    Seek,
    [JsonStringEnumMemberName("rate")]
    Rate,

    /// <summary>A member ran out of buffered media: everyone pauses and waits for them.</summary>
    [JsonStringEnumMemberName("wait")]
    Wait,
}

/// <summary>Where a member's player is relative to the group.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberSync>))]
public enum MemberSync
{
    /// <summary>Loading the video or a new position for the first time since joining or a seek.</summary>
    [JsonStringEnumMemberName("loading")]
    Loading,

    /// <summary>Has enough media to play the group's position.</summary>
    [JsonStringEnumMemberName("ready")]
    Ready,

    /// <summary>Ran out of media while the group was playing.</summary>
    [JsonStringEnumMemberName("buffering")]
    Buffering,

    /// <summary>The group stopped waiting for this member (or it joined mid-play); it catches up alone and is not waited for.</summary>
    [JsonStringEnumMemberName("catching_up")]
    CatchingUp,
}

[JsonConverter(typeof(JsonStringEnumConverter<PartyEndReason>))]
public enum PartyEndReason
{
    [JsonStringEnumMemberName("ended_by_host")]
    EndedByHost,
    [JsonStringEnumMemberName("expired")]
    Expired,
    [JsonStringEnumMemberName("everyone_left")]
    EveryoneLeft,
}
