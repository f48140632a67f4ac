using Microsoft.AspNetCore.SignalR;

namespace StreamingApp.Api.Parties;

/// <summary>
/// Tells members what one write changed, by comparing the party before and after it: playback, members, settings,
/// the end. Messages go through the hub's groups, so with the Redis backplane they reach members on every instance.
/// </summary>
public sealed class PartyNotifier(IHubContext<PartyHub, IPartyClient> hub, PartyViews views, ILogger<PartyNotifier> logger)
{
    public async Task PublishAsync(Party before, Party after, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(before, after, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change is stored; members get the current state when their client resynchronizes (rejoin, reconnect).
            logger.LogWarning(exception, "Could not tell the members of party {PartyId} about version {Version}", after.Id, after.Version);
        }
    }

    private async Task SendAsync(Party before, Party after, CancellationToken cancellationToken)
    {
        var group = hub.Clients.Group(PartyHub.GroupName(after.Id));
        if (after.HasEnded && !before.HasEnded)
        {
            await group.PartyEnded(new PartyEndedView(after.EndReason!.Value));
            await LeaveGroupAsync(after.Id, before.Members.SelectMany(member => member.Connections), cancellationToken);
            return;
        }

        var gone = before.Members.Where(member => after.FindMember(member.UserId) is null).ToList();
        foreach (var member in gone.Where(member => member.IsConnected))
        {
            var connections = member.Connections.Select(connection => connection.Id).ToList();
            await hub.Clients.Clients(connections).RemovedFromParty(after.KickedUserIds.Contains(member.UserId) ? PartyError.Removed : PartyError.Left);
            await LeaveGroupAsync(after.Id, member.Connections, cancellationToken);
        }

        var joined = after.Members.Where(member => before.FindMember(member.UserId) is null).Select(PartyViews.Member).ToList();
        var changed = after.Members
            .Where(member => before.FindMember(member.UserId) is { } previous && PartyViews.Member(previous) != PartyViews.Member(member))
            .Select(PartyViews.Member).ToList();
        if (joined.Count > 0 || changed.Count > 0 || gone.Count > 0)
        {
            await group.MembersChanged(new MembersDelta(after.Version, joined, changed, gone.Select(member => member.UserId).ToList()));
        }

        if (after.ControlMode != before.ControlMode)
        {
            await group.SettingsChanged(new PartySettingsView(after.ControlMode, after.Version));
        }

        if (after.Playback != before.Playback || !PartyViews.WaitingFor(after).SequenceEqual(PartyViews.WaitingFor(before)))
        {
            // Built last, so the server time it carries is as close as possible to the moment it is sent.
            await group.PlaybackChanged(views.Playback(after));
        }
    }

    /// <summary>Removes connections from the party's group, concurrently: each removal on another instance waits for that instance's answer.</summary>
    private Task LeaveGroupAsync(string partyId, IEnumerable<PartyConnection> connections, CancellationToken cancellationToken) =>
        Task.WhenAll(connections.Select(connection => hub.Groups.RemoveFromGroupAsync(connection.Id, PartyHub.GroupName(partyId), cancellationToken)));
}
