using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Parties;

/// <summary>
/// Every change a party can go through, as pure functions from the stored party and the server time to a decision.
/// Nothing here touches the store or the network, so each instance decides the same way and the rules are tested
/// without either. Helpers return the very same instance when nothing changes.
/// </summary>
public sealed class PartyRules(IOptions<PartyOptions> options)
{
    public const double MinRate = 0.25;
    public const double MaxRate = 2;

    private PartyOptions Settings => options.Value;

    public Party Create(string id, string inviteCode, Video video, string hostId, string hostName, PartyControlMode mode, DateTimeOffset now)
    {
        var party = new Party
        {
            Id = id,
            VideoId = video.Id,
            VideoDurationSeconds = video.DurationSeconds,
            InviteCode = inviteCode,
            ControlMode = mode,
            Playback = new PartyPlayback { AtServerTime = now },
            Members = [new PartyMember { UserId = hostId, DisplayName = hostName, Role = PartyRole.Host, JoinedAt = now, DisconnectedAt = now }],
            CreatedAt = now,
        };
        party = Touch(party, now);
        return party with { DueAt = DueAt(party) };
    }

    /// <summary>
    /// How far ahead a command is scheduled: twice the slowest connected round trip (one trip for the command to
    /// arrive, the other as margin for jitter), within the configured bounds.
    /// </summary>
    public TimeSpan Lead(Party party)
    {
        var slowest = party.Members.SelectMany(member => member.Connections).Select(connection => connection.RoundTripMs).DefaultIfEmpty(0).Max();
        var lead = TimeSpan.FromMilliseconds(2 * slowest);
        return lead < Settings.MinScheduleLead ? Settings.MinScheduleLead : lead > Settings.MaxScheduleLead ? Settings.MaxScheduleLead : lead;
    }

    /// <summary>The earliest time the sweeper has to look at the party (see <see cref="Party.DueAt"/>).</summary>
    public DateTimeOffset DueAt(Party party)
    {
        if (party.EndedAt is { } ended)
        {
            return ended + Settings.EndedRetention;
        }

        var due = party.ExpiresAt;
        if (party.Playback is { State: PlaybackState.Waiting, WaitDeadline: { } deadline } && deadline < due)
        {
            due = deadline;
        }

        foreach (var connection in party.Members.SelectMany(member => member.Connections))
        {
            var silentUntil = connection.SeenAt + Settings.ConnectionTimeout;
            due = silentUntil < due ? silentUntil : due;
        }

        // Only when someone could take the seat; otherwise the party would come due again and again for nothing.
        if (party.FindHost() is { IsConnected: false, DisconnectedAt: { } left } && HostCandidates(party).Any() && left + Settings.HostGracePeriod < due)
        {
            due = left + Settings.HostGracePeriod;
        }

        return due;
    }

    public PartyDecision Join(Party party, string userId, string displayName, DateTimeOffset now)
    {
        if (party.HasEnded)
        {
            return PartyError.Ended;
        }

        if (party.KickedUserIds.Contains(userId))
        {
            return PartyError.Removed;
        }

        if (party.FindMember(userId) is not null)
        {
            return PartyDecision.Unchanged;
        }

        if (party.Members.Count >= Settings.MaxMembers)
        {
            return PartyError.Full;
        }

        var member = new PartyMember { UserId = userId, DisplayName = displayName, JoinedAt = now, DisconnectedAt = now };
        return Touch(party with { Members = [.. party.Members, member] }, now);
    }

    /// <summary>A member's connection arrives (a new tab, or a reconnect); the member keeps its role.</summary>
    public PartyDecision Connect(Party party, string userId, string connectionId, DateTimeOffset now)
    {
        if (Acting(party, userId) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var member = party.FindMember(userId)!;
        if (member.Connections.Any(connection => connection.Id == connectionId))
        {
            return PartyDecision.Unchanged;
        }

        var connected = member with
        {
            Connections = [.. member.Connections, new PartyConnection(connectionId, now, 0)],
            DisconnectedAt = null,
            // A player that (re)appears has to load first. Mid-play it catches up alone rather than pausing everyone.
            Sync = member.IsConnected ? member.Sync : party.Playback.State == PlaybackState.Playing ? MemberSync.CatchingUp : MemberSync.Loading,
        };
        return Touch(Replace(party, connected), now);
    }

    public PartyDecision Disconnect(Party party, string userId, string connectionId, DateTimeOffset now)
    {
        if (party.FindMember(userId) is not { } member || member.Connections.All(connection => connection.Id != connectionId))
        {
            return PartyDecision.Unchanged;
        }

        var remaining = member.Connections.Where(connection => connection.Id != connectionId).ToList();
        var changed = Replace(party, member with { Connections = remaining, DisconnectedAt = remaining.Count == 0 ? now : null });
        return ResumeIfNobodyToWaitFor(changed, now);
    }

    /// <summary>A connection showed a sign of life and, optionally, its client's current round-trip estimate.</summary>
    public PartyDecision Seen(Party party, string userId, string connectionId, double? roundTripMs, DateTimeOffset now)
    {
        if (party.FindMember(userId) is not { } member || member.Connections.FirstOrDefault(connection => connection.Id == connectionId) is not { } current)
        {
            return PartyDecision.Unchanged;
        }

        var seen = current with { SeenAt = now, RoundTripMs = roundTripMs ?? current.RoundTripMs };
        return Replace(party, member with { Connections = member.Connections.Select(connection => connection == current ? seen : connection).ToList() });
    }

    public PartyDecision Leave(Party party, string userId, DateTimeOffset now)
    {
        if (party.HasEnded || party.FindMember(userId) is not { } member)
        {
            return PartyDecision.Unchanged;
        }

        var remaining = party.Members.Where(other => other.UserId != userId).ToList();
        if (remaining.Count == 0)
        {
            return EndNow(party, PartyEndReason.EveryoneLeft, now);
        }

        var changed = party with { Members = remaining };
        if (member.Role == PartyRole.Host)
        {
            changed = HandHostTo(changed, HostCandidates(changed, connectedOnly: false).First(), previousHostRole: null);
        }

        return ResumeIfNobodyToWaitFor(Touch(changed, now), now);
    }

    public PartyDecision Play(Party party, string actorId, DateTimeOffset now) => Controlled(party, actorId, () => party.Playback.State switch
    {
        PlaybackState.Playing or PlaybackState.Waiting => PartyDecision.Unchanged,
        _ => PlayWhenReady(party, party.Playback.PositionSeconds, PartyCommand.Play, actorId, now),
    }, now);

    public PartyDecision Pause(Party party, string actorId, DateTimeOffset now) => Controlled(party, actorId, () => party.Playback.State switch
    {
        PlaybackState.Playing => Scheduled(party, PlaybackState.Paused, party.Playback.PositionAt(now + Lead(party), party.VideoDurationSeconds), PartyCommand.Pause, actorId, now),
        PlaybackState.Waiting => Scheduled(party, PlaybackState.Paused, party.Playback.PositionSeconds, PartyCommand.Pause, actorId, now),
        _ => PartyDecision.Unchanged,
    }, now);

    /// <summary>
    /// Everyone goes to the new position and loads it. While playing, the group waits until every member has it
    /// (up to the rebuffer timeout); while paused, the next play waits for them.
    /// </summary>
    public PartyDecision Seek(Party party, string actorId, double positionSeconds, DateTimeOffset now)
    {
        if (!double.IsFinite(positionSeconds) || positionSeconds < 0 || party.VideoDurationSeconds is { } duration && positionSeconds > duration)
        {
            return PartyError.Invalid("The position is a number of seconds within the video.");
        }

        return Controlled(party, actorId, () =>
        {
            var revision = party.Playback.Revision + 1;
            var reloading = party with
            {
                Members = party.Members.Select(member => member with
                {
                    Sync = member.IsConnected ? MemberSync.Loading : member.Sync,
                    SyncRevision = revision,
                }).ToList(),
            };
            return party.Playback.State is PlaybackState.Playing or PlaybackState.Waiting
                ? PlayWhenReady(reloading, positionSeconds, PartyCommand.Seek, actorId, now)
                : Scheduled(reloading, PlaybackState.Paused, positionSeconds, PartyCommand.Seek, actorId, now);
        }, now);
    }

    public PartyDecision SetRate(Party party, string actorId, double rate, DateTimeOffset now)
    {
        if (!double.IsFinite(rate) || rate is < MinRate or > MaxRate)
        {
            return PartyError.Invalid($"The playback rate is between {MinRate} and {MaxRate}.");
        }

        return Controlled(party, actorId, () =>
        {
            if (rate.Equals(party.Playback.Rate))
            {
                return PartyDecision.Unchanged;
            }

            // While playing, the new rate starts where the old one has brought the video by the scheduled time.
            var position = party.Playback.PositionAt(now + Lead(party), party.VideoDurationSeconds);
            var changed = Scheduled(party, party.Playback.State, position, PartyCommand.Rate, actorId, now, rate);
            return changed with { Playback = changed.Playback with { WaitDeadline = party.Playback.WaitDeadline } };
        }, now);
    }

    /// <summary>
    /// The player of one of the member's connections reports whether it has enough media to play the group's
    /// position. Reports about a revision before the member's last reset (a seek) are stale and ignored.
    /// </summary>
    public PartyDecision ReportPlayer(Party party, string userId, bool ready, long revision, DateTimeOffset now)
    {
        if (Acting(party, userId) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var member = party.FindMember(userId)!;
        if (revision < member.SyncRevision)
        {
            return PartyDecision.Unchanged;
        }

        var sync = ready ? MemberSync.Ready : member.Sync switch
        {
            MemberSync.Ready => MemberSync.Buffering,
            var other => other,
        };
        if (sync == member.Sync)
        {
            return PartyDecision.Unchanged;
        }

        var changed = Replace(party, member with { Sync = sync, HasBeenReady = member.HasBeenReady || ready });
        if (party.Playback.State == PlaybackState.Playing && sync == MemberSync.Buffering && member.IsConnected)
        {
            // Everyone stops where the video will be when the pause reaches them, and waits for this member.
            var position = party.Playback.PositionAt(now + Lead(party), party.VideoDurationSeconds);
            return Waiting(Scheduled(changed, PlaybackState.Waiting, position, PartyCommand.Wait, userId, now), Settings.RebufferTimeout, now);
        }

        return ResumeIfNobodyToWaitFor(changed, now);
    }

    public PartyDecision SetControlMode(Party party, string actorId, PartyControlMode mode, DateTimeOffset now) =>
        HostOnly(party, actorId, "Only the host chooses who controls playback.") is { } refusal ? refusal
        : mode == party.ControlMode ? PartyDecision.Unchanged
        : Touch(party with { ControlMode = mode }, now);

    /// <summary>The host makes a member a cohost (<see cref="PartyRole.Cohost"/>) or a cohost a member again.</summary>
    public PartyDecision SetRole(Party party, string actorId, string targetId, PartyRole role, DateTimeOffset now)
    {
        if (role == PartyRole.Host)
        {
            return PartyError.Invalid("Hand the host's seat over with a transfer.");
        }

        if (HostOnly(party, actorId, "Only the host promotes and demotes members.") is { } refusal)
        {
            return refusal;
        }

        if (party.FindMember(targetId) is not { } target)
        {
            return PartyError.MemberNotFound;
        }

        if (target.UserId == actorId)
        {
            return PartyError.Invalid("The host keeps the host's role; transfer it to step down.");
        }

        return target.Role == role ? PartyDecision.Unchanged : Touch(Replace(party, target with { Role = role }), now);
    }

    /// <summary>The host hands the seat to another member and stays on as a cohost.</summary>
    public PartyDecision TransferHost(Party party, string actorId, string targetId, DateTimeOffset now)
    {
        if (HostOnly(party, actorId, "Only the host hands over the host's seat.") is { } refusal)
        {
            return refusal;
        }

        if (party.FindMember(targetId) is not { } target)
        {
            return PartyError.MemberNotFound;
        }

        return target.UserId == actorId ? PartyDecision.Unchanged : Touch(HandHostTo(party, target, PartyRole.Cohost), now);
    }

    /// <summary>The host removes anyone but itself; a cohost removes members. A removed account cannot join again.</summary>
    public PartyDecision Kick(Party party, string actorId, string targetId, DateTimeOffset now)
    {
        if (Acting(party, actorId) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var actor = party.FindMember(actorId)!;
        if (!actor.IsModerator)
        {
            return PartyError.NotAllowed("Only the host and cohosts remove members.");
        }

        if (party.FindMember(targetId) is not { } target)
        {
            return PartyError.MemberNotFound;
        }

        if (target.UserId == actorId)
        {
            return PartyError.Invalid("Leave the party instead of removing yourself.");
        }

        if (target.Role == PartyRole.Host || target.Role == PartyRole.Cohost && actor.Role != PartyRole.Host)
        {
            return PartyError.NotAllowed("Cohosts are removed only by the host, and the host by nobody.");
        }

        var changed = party with
        {
            Members = party.Members.Where(member => member.UserId != targetId).ToList(),
            KickedUserIds = [.. party.KickedUserIds, targetId],
        };
        return ResumeIfNobodyToWaitFor(Touch(changed, now), now);
    }

    public PartyDecision End(Party party, string actorId, DateTimeOffset now) =>
        party.HasEnded ? PartyDecision.Unchanged
        : HostOnly(party, actorId, "Only the host ends the party.") is { } refusal ? refusal
        : EndNow(party, PartyEndReason.EndedByHost, now);

    /// <summary>Chat counts as activity, but writing the party for every message would be wasteful: only once the expiry has drifted.</summary>
    public PartyDecision ChatActivity(Party party, DateTimeOffset now) =>
        party.ExpiresAt < now + Settings.IdleLifetime - TimeSpan.FromMinutes(10) ? Touch(party, now) : PartyDecision.Unchanged;

    /// <summary>
    /// What the sweeper does to a party whose <see cref="Party.DueAt"/> has come: expire it, drop connections that went
    /// silent, hand an absent host's seat on, and stop waiting for members that did not get ready in time (they
    /// catch up alone). Afterwards the party's next due time lies in the future.
    /// </summary>
    public PartyDecision Advance(Party party, DateTimeOffset now)
    {
        if (party.HasEnded)
        {
            return PartyDecision.Unchanged;
        }

        if (party.ExpiresAt <= now)
        {
            return EndNow(party, PartyEndReason.Expired, now);
        }

        var changed = DropSilentConnections(party, now);
        changed = HandOverAbsentHost(changed, now);
        if (changed.Playback is { State: PlaybackState.Waiting, WaitDeadline: { } deadline } && deadline <= now)
        {
            var laggards = changed.NotReadyMembers().Select(member => member.UserId).ToHashSet();
            var skipped = changed with
            {
                Members = changed.Members.Select(member => laggards.Contains(member.UserId) ? member with { Sync = MemberSync.CatchingUp } : member).ToList(),
            };
            changed = Scheduled(skipped, PlaybackState.Playing, changed.Playback.PositionSeconds, PartyCommand.Play, null, now);
        }

        changed = ResumeIfNobodyToWaitFor(changed, now);
        // A due time stored by different settings is corrected, or the sweeper would find the party again and again.
        return ReferenceEquals(changed, party) && DueAt(party) == party.DueAt ? PartyDecision.Unchanged : changed;
    }

    private PartyDecision Controlled(Party party, string actorId, Func<PartyDecision> command, DateTimeOffset now)
    {
        if (Acting(party, actorId) is { Refusal: { } refusal })
        {
            return refusal;
        }

        if (!party.FindMember(actorId)!.CanControl(party.ControlMode))
        {
            return PartyError.NotAllowed("In this party only the host and cohosts control playback.");
        }

        var decision = command();
        return decision.Changed is { } changed ? Touch(changed, now) : decision;
    }

    /// <summary>Refuses actions on an ended party or by someone who is not a member.</summary>
    private static PartyDecision Acting(Party party, string userId) =>
        party.HasEnded ? PartyError.Ended
        : party.FindMember(userId) is null ? PartyError.NotFound
        : PartyDecision.Unchanged;

    private static PartyError? HostOnly(Party party, string actorId, string message) =>
        Acting(party, actorId).Refusal ?? (party.FindMember(actorId)!.Role == PartyRole.Host ? null : PartyError.NotAllowed(message));

    /// <summary>Plays from <paramref name="position"/> as soon as every connected member is ready, scheduled ahead; until then the group waits.</summary>
    private Party PlayWhenReady(Party party, double position, PartyCommand command, string? issuedBy, DateTimeOffset now)
    {
        var notReady = party.NotReadyMembers().ToList();
        if (notReady.Count == 0)
        {
            return Scheduled(party, PlaybackState.Playing, position, command, issuedBy, now);
        }

        var timeout = notReady.Any(member => !member.HasBeenReady) ? Settings.FirstLoadTimeout : Settings.RebufferTimeout;
        return Waiting(Scheduled(party, PlaybackState.Waiting, position, command, issuedBy, now), timeout, now);
    }

    private Party ResumeIfNobodyToWaitFor(Party party, DateTimeOffset now) =>
        party.Playback.State == PlaybackState.Waiting && !party.NotReadyMembers().Any()
            ? Scheduled(party, PlaybackState.Playing, party.Playback.PositionSeconds, PartyCommand.Play, null, now)
            : party;

    private static Party Waiting(Party party, TimeSpan timeout, DateTimeOffset now) =>
        party with { Playback = party.Playback with { WaitDeadline = now + timeout } };

    /// <summary>The next playback state, taking effect one lead from now so that it reaches every member first.</summary>
    private Party Scheduled(Party party, PlaybackState state, double position, PartyCommand command, string? issuedBy, DateTimeOffset now, double? rate = null) =>
        party with
        {
            Playback = new PartyPlayback
            {
                State = state,
                PositionSeconds = position,
                AtServerTime = now + Lead(party),
                Rate = rate ?? party.Playback.Rate,
                Revision = party.Playback.Revision + 1,
                Command = command,
                IssuedBy = issuedBy,
            },
        };

    private Party DropSilentConnections(Party party, DateTimeOffset now)
    {
        bool Silent(PartyConnection connection) => connection.SeenAt + Settings.ConnectionTimeout <= now;
        if (!party.Members.SelectMany(member => member.Connections).Any(Silent))
        {
            return party;
        }

        return party with
        {
            Members = party.Members.Select(member => member.Connections.Any(Silent) && member.Connections.Where(connection => !Silent(connection)).ToList() is var alive
                ? member with { Connections = alive, DisconnectedAt = alive.Count == 0 ? now : null }
                : member).ToList(),
        };
    }

    private Party HandOverAbsentHost(Party party, DateTimeOffset now) =>
        party.FindHost() is { IsConnected: false, DisconnectedAt: { } left } && left + Settings.HostGracePeriod <= now
            && HostCandidates(party).FirstOrDefault() is { } successor
            ? HandHostTo(party, successor, PartyRole.Cohost)
            : party;

    /// <summary>Who takes over the host's seat: cohosts before members, then connected before absent, then whoever joined first.</summary>
    private static IEnumerable<PartyMember> HostCandidates(Party party, bool connectedOnly = true) => party.Members
        .Where(member => member.Role != PartyRole.Host && (member.IsConnected || !connectedOnly))
        .OrderBy(member => member.Role == PartyRole.Cohost ? 0 : 1)
        .ThenBy(member => member.IsConnected ? 0 : 1)
        .ThenBy(member => member.JoinedAt);

    /// <param name="previousHostRole">What the previous host becomes; <c>null</c> when it is no longer a member.</param>
    private static Party HandHostTo(Party party, PartyMember successor, PartyRole? previousHostRole) => party with
    {
        Members = party.Members.Select(member =>
            member.UserId == successor.UserId ? member with { Role = PartyRole.Host }
            : member.Role == PartyRole.Host && previousHostRole is { } role ? member with { Role = role }
            : member).ToList(),
    };

    private static Party EndNow(Party party, PartyEndReason reason, DateTimeOffset now) => party with
    {
        EndedAt = now,
        EndReason = reason,
        ExpiresAt = now,
        Members = party.Members.Select(member => member.IsConnected ? member with { Connections = [], DisconnectedAt = now } : member).ToList(),
    };

    private Party Touch(Party party, DateTimeOffset now) => party with { LastActivityAt = now, ExpiresAt = now + Settings.IdleLifetime };

    private static Party Replace(Party party, PartyMember member) =>
        party with { Members = party.Members.Select(existing => existing.UserId == member.UserId ? member : existing).ToList() };
}
