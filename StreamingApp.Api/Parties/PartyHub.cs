using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Access;
using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Parties;

/// <summary>
/// The real-time side of watch parties at <c>/hubs/party</c>, for accounts that are members (they joined with the
/// invite code over HTTP). A connection joins one party; its commands, reports and chat go to that party. Refused
/// actions come back as an <see cref="IPartyClient.Error"/> event with a stable code; a refused join answers with
/// the error instead of the party.
/// </summary>
[Authorize]
public sealed class PartyHub(
    IPartyStore parties, PartyCoordinator coordinator, PartyRules rules, PartyViews views, PlaybackGate gate, PartyChat chat,
    LocalConnections connections, ChatRateLimiter chatLimiter, PartyMetrics metrics, IOptions<PartyOptions> options, TimeProvider time)
    : Hub<IPartyClient>
{
    public const string Path = "/hubs/party";

    /// <summary>Longest account id accepted in a request (Auth's ids are 32 characters).</summary>
    public const int MaxUserIdLength = 64;

    /// <summary>The reported round trip beyond which a client is not believed (the lead is capped well below it anyway).</summary>
    public const double MaxRoundTripMs = 60_000;

    public static string GroupName(string partyId) => $"party:{partyId}";

    /// <summary>
    /// Attaches this connection to a party the caller is a member of, after the same checks as playback (the video
    /// is visible to the caller, licensed where the caller is, and ready). Answers the party with its live state, or why not.
    /// </summary>
    public async Task<PartyJoinResult> JoinParty(string partyId)
    {
        if (!PartyViews.IsId(partyId))
        {
            return Refused(PartyError.Invalid("A party id is 32 hexadecimal digits."));
        }

        var user = ApiUser.From(Context.User!);
        var party = await parties.GetAsync(partyId, Context.ConnectionAborted);
        if (party?.FindMember(user.Id!) is null)
        {
            return Refused(PartyError.NotFound);
        }

        if (party.HasEnded)
        {
            return Refused(PartyError.Ended);
        }

        var check = await gate.CheckAsync(party.VideoId, user, Context.GetHttpContext()!, "party", Context.ConnectionAborted);
        if (PartyError.From(check) is { } denied)
        {
            return Refused(denied);
        }

        await DetachAsync(stillConnected: true);
        // In the group before the write, so no change made after the returned snapshot can be missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(partyId), Context.ConnectionAborted);
        var update = await coordinator.ChangeAsync(partyId, (current, now) => rules.Connect(current, user.Id!, Context.ConnectionId, now), Context.ConnectionAborted);
        if (update.Refusal is not null || update.After is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(partyId), Context.ConnectionAborted);
            return Refused(update.Refusal ?? PartyError.NotFound);
        }

        connections.Bind(Context.ConnectionId, new LocalConnection(partyId, user.Id!, time.GetUtcNow()));
        return new PartyJoinResult(views.Party(update.After), null);
    }

    /// <summary>Leaves the party for good (a host hands the seat on); closing the connection only disconnects.</summary>
    public async Task LeaveParty()
    {
        if (await BoundAsync() is not { } connection)
        {
            return;
        }

        connections.Unbind(Context.ConnectionId);
        chatLimiter.Forget(connection.PartyId, connection.UserId);
        await coordinator.ChangeAsync(connection.PartyId, (party, now) => rules.Leave(party, connection.UserId, now), Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(connection.PartyId), Context.ConnectionAborted);
    }

    /// <summary>A clock sample for the client's offset estimate. Answered at once, without touching the store, so it measures the network only.</summary>
    public PingReply Ping(double clientTime) => new(clientTime, views.Now());

    /// <summary>
    /// The client's round-trip estimate (which sets how far ahead commands are scheduled) and its player's offset from
    /// the group (for the metrics). Stored only when the round trip moved noticeably or the connection's last sign of
    /// life is getting old, so regular reports cost little.
    /// </summary>
    public async Task ReportSync(SyncReport report)
    {
        if (!double.IsFinite(report.RoundTripMs) || report.RoundTripMs is < 0 or > MaxRoundTripMs || report.OffsetMs is { } offset && !double.IsFinite(offset))
        {
            await Clients.Caller.Error(PartyError.Invalid($"The round trip is 0 to {MaxRoundTripMs} ms and the offset a finite number of milliseconds."));
            return;
        }

        if (await BoundAsync() is not { } connection)
        {
            return;
        }

        if (report.OffsetMs is { } playerOffset)
        {
            metrics.SyncOffset(playerOffset);
        }

        var now = time.GetUtcNow();
        var moved = Math.Abs(report.RoundTripMs - connection.RoundTripStoredMs) > Math.Max(10, connection.RoundTripStoredMs * 0.2);
        if (!moved && now - connection.SeenStoredAt < options.Value.ConnectionTimeout / 4)
        {
            return;
        }

        connection.SeenStoredAt = now;
        connection.RoundTripStoredMs = report.RoundTripMs;
        await coordinator.ChangeAsync(connection.PartyId, (party, at) => rules.Seen(party, connection.UserId, Context.ConnectionId, report.RoundTripMs, at), Context.ConnectionAborted);
    }

    /// <summary>Whether this connection's player has enough media to play the group's position.</summary>
    public Task ReportPlayer(PlayerReport report) =>
        ActAsync((party, userId, now) => rules.ReportPlayer(party, userId, report.Ready, report.Revision, now));

    public Task Play() => ControlAsync(PartyCommand.Play, (party, userId, now) => rules.Play(party, userId, now));

    public Task Pause() => ControlAsync(PartyCommand.Pause, (party, userId, now) => rules.Pause(party, userId, now));

    public Task Seek(double positionSeconds) => ControlAsync(PartyCommand.Seek, (party, userId, now) => rules.Seek(party, userId, positionSeconds, now));

    public Task SetRate(double rate) => ControlAsync(PartyCommand.Rate, (party, userId, now) => rules.SetRate(party, userId, rate, now));

    public Task SetControlMode(PartyControlMode mode) => Enum.IsDefined(mode)
        ? ActAsync((party, userId, now) => rules.SetControlMode(party, userId, mode, now))
        : Clients.Caller.Error(PartyError.Invalid("The control mode is 'host' or 'everyone'."));

    public Task Promote(string userId) => OnMemberAsync(userId, (party, actorId, now) => rules.SetRole(party, actorId, userId, PartyRole.Cohost, now));

    public Task Demote(string userId) => OnMemberAsync(userId, (party, actorId, now) => rules.SetRole(party, actorId, userId, PartyRole.Member, now));

    public Task TransferHost(string userId) => OnMemberAsync(userId, (party, actorId, now) => rules.TransferHost(party, actorId, userId, now));

    public Task Kick(string userId) => OnMemberAsync(userId, (party, actorId, now) => rules.Kick(party, actorId, userId, now));

    public Task EndParty() => ActAsync(rules.End);

    public async Task SendMessage(string text)
    {
        if (await BoundAsync() is { } connection && await chat.SendAsync(connection.PartyId, connection.UserId, text, Context.ConnectionAborted) is { } refusal)
        {
            await Clients.Caller.Error(refusal);
        }
    }

    public async Task DeleteMessage(string messageId)
    {
        if (await BoundAsync() is { } connection && await chat.DeleteAsync(connection.PartyId, connection.UserId, messageId, Context.ConnectionAborted) is { } refusal)
        {
            await Clients.Caller.Error(refusal);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception) => DetachAsync(stillConnected: false);

    private static PartyJoinResult Refused(PartyError error) => new(null, error);

    /// <summary>The party of this connection, or <c>null</c> after telling the caller to join one first.</summary>
    private async Task<LocalConnection?> BoundAsync()
    {
        if (connections.Find(Context.ConnectionId) is { } connection)
        {
            return connection;
        }

        await Clients.Caller.Error(PartyError.NotJoined);
        return null;
    }

    private async Task ControlAsync(PartyCommand command, Func<Party, string, DateTimeOffset, PartyDecision> decide)
    {
        if (await ActAsync(decide) is { Changed: true })
        {
            metrics.Command(command);
        }
    }

    private Task OnMemberAsync(string userId, Func<Party, string, DateTimeOffset, PartyDecision> decide) =>
        userId is { Length: > 0 and <= MaxUserIdLength }
            ? ActAsync(decide)
            : Clients.Caller.Error(PartyError.MemberNotFound);

    private async Task<PartyUpdate?> ActAsync(Func<Party, string, DateTimeOffset, PartyDecision> decide)
    {
        if (await BoundAsync() is not { } connection)
        {
            return null;
        }

        var update = await coordinator.ChangeAsync(connection.PartyId, (party, now) => decide(party, connection.UserId, now), Context.ConnectionAborted);
        if (update.Refusal is { } refusal)
        {
            await Clients.Caller.Error(refusal);
        }

        return update;
    }

    /// <summary>Detaches this connection from its party, if any: the member stays, but this connection no longer counts as present.</summary>
    private async Task DetachAsync(bool stillConnected)
    {
        if (connections.Unbind(Context.ConnectionId) is not { } connection)
        {
            return;
        }

        if (!connections.HasOther(Context.ConnectionId, connection))
        {
            chatLimiter.Forget(connection.PartyId, connection.UserId);
        }

        if (stillConnected)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(connection.PartyId));
        }

        await coordinator.ChangeAsync(connection.PartyId, (party, now) => rules.Disconnect(party, connection.UserId, Context.ConnectionId, now), CancellationToken.None);
    }
}

public static class PartyHubEndpoints
{
    /// <summary>
    /// Maps the hub for bearer tokens in the <c>Authorization</c> header only: browsers reach it through the web
    /// UI's proxy, which adds the header, so no token ever travels in a query string (and into access logs). A
    /// connection closes when its token expires; the client reconnects with a fresh one.
    /// </summary>
    public static HubEndpointConventionBuilder MapPartyHub(this IEndpointRouteBuilder app)
    {
        // Created now rather than by the first hub call, so /metrics shows the party gauges (at 0) from the start.
        app.ServiceProvider.GetRequiredService<PartyMetrics>();
        return app.MapHub<PartyHub>(PartyHub.Path, options => options.CloseOnAuthenticationExpiration = true);
    }
}
