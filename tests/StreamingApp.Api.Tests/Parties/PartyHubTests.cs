using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using StreamingApp.Api.Parties;
using StreamingApp.Api.Tests.Apis;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Tests.Parties;

/// <summary>
/// Watch parties through the real hub on Kestrel with several .NET SignalR clients and real Auth tokens. The Api's
/// clock is fake, so every scheduled time is exact and waits time out only when a test moves the clock.
/// </summary>
public sealed class PartyHubTests(PartyApiFactory api) : IClassFixture<PartyApiFactory>, IAsyncDisposable
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static double UnixMs(DateTimeOffset time) => PartyViews.UnixMilliseconds(time);

    [Fact]
    public async Task Commands_are_scheduled_twice_the_slowest_round_trip_ahead_within_the_bounds_and_reach_every_member()
    {
        var (party, host, members) = await PartyAsync(memberCount: 2);
        await EveryoneReadyAsync(host, members);

        await host.InvokeAsync(nameof(PartyHub.Play));
        var now = UnixMs(api.Time.GetUtcNow());
        foreach (var connection in members.Prepend(host))
        {
            var play = await connection.WaitForPlaybackAsync(PlaybackState.Playing);
            Assert.Equal(now + 250, play.AtServerTime, 3);
            Assert.Equal(PartyCommand.Play, play.Command);
        }

        // One slow member (400 ms round trip) pushes every command 800 ms ahead; an absurd one is capped at 1.5 s.
        await members[0].InvokeAsync(nameof(PartyHub.ReportSync), new SyncReport(400, 12));
        await host.InvokeAsync(nameof(PartyHub.Pause));
        var pause = await members[1].WaitForPlaybackAsync(PlaybackState.Paused);
        Assert.Equal(now + 800, pause.AtServerTime, 3);

        await members[1].InvokeAsync(nameof(PartyHub.ReportSync), new SyncReport(5000, null));
        await host.InvokeAsync(nameof(PartyHub.Play));
        var replay = await members[0].WaitForAsync<PlaybackView>(playback => playback.State == PlaybackState.Playing && playback.Revision > pause.Revision);
        Assert.Equal(now + 1500, replay.AtServerTime, 3);
        Assert.True(replay.ServerTime <= replay.AtServerTime - 250);
    }

    [Fact]
    public async Task In_host_mode_only_the_host_and_cohosts_control_playback_and_in_everyone_mode_every_member_does()
    {
        var (party, host, members) = await PartyAsync(memberCount: 2);
        await EveryoneReadyAsync(host, members);
        var (cohost, member) = (members[0], members[1]);

        await member.InvokeAsync(nameof(PartyHub.Play));
        await member.WaitForErrorAsync("not-allowed");
        await host.InvokeAsync(nameof(PartyHub.Promote), UserOf(cohost));
        await member.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(changed => changed.Role == PartyRole.Cohost));
        await cohost.InvokeAsync(nameof(PartyHub.Play));
        Assert.Equal(UserOf(cohost), (await member.WaitForPlaybackAsync(PlaybackState.Playing)).IssuedBy);

        await member.InvokeAsync(nameof(PartyHub.SetControlMode), PartyControlMode.Everyone);
        await member.WaitForAsync<PartyError>(error => error.Code == "not-allowed" && error.Message.Contains("host chooses", StringComparison.Ordinal));
        await host.InvokeAsync(nameof(PartyHub.SetControlMode), PartyControlMode.Everyone);
        Assert.Equal(PartyControlMode.Everyone, (await member.WaitForAsync<PartySettingsView>()).ControlMode);
        await member.InvokeAsync(nameof(PartyHub.Pause));
        Assert.Equal(UserOf(member), (await host.WaitForPlaybackAsync(PlaybackState.Paused)).IssuedBy);
    }

    [Fact]
    public async Task Play_waits_for_members_still_loading_and_starts_for_everyone_when_the_last_is_ready()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);
        await host.ReadyAsync(0);

        await host.InvokeAsync(nameof(PartyHub.Play));
        var waiting = await members[0].WaitForPlaybackAsync(PlaybackState.Waiting);
        Assert.Equal([UserOf(members[0])], waiting.WaitingFor);
        Assert.Equal(UnixMs(api.Time.GetUtcNow() + TimeSpan.FromSeconds(30)), waiting.WaitDeadline!.Value, 3);

        await members[0].ReadyAsync(waiting.Revision);
        var playing = await host.WaitForPlaybackAsync(PlaybackState.Playing);
        Assert.True(playing.Revision > waiting.Revision);
        Assert.Equal(waiting.PositionSeconds, playing.PositionSeconds);
    }

    [Fact]
    public async Task A_member_that_never_gets_ready_is_skipped_after_the_first_load_timeout_and_catches_up_alone()
    {
        var (party, host, members) = await PartyAsync(memberCount: 2);
        await host.ReadyAsync(0);
        await members[0].ReadyAsync(0);
        var laggard = members[1];

        await host.InvokeAsync(nameof(PartyHub.Play));
        var waiting = await laggard.WaitForPlaybackAsync(PlaybackState.Waiting);
        api.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300, Cancellation);
        Assert.DoesNotContain(host.All<PlaybackView>(), playback => playback.State == PlaybackState.Playing);

        await api.AdvanceUntilAsync(() => host.All<PlaybackView>().Any(playback => playback.State == PlaybackState.Playing), TimeSpan.FromSeconds(1), 5);
        var playing = await members[0].WaitForPlaybackAsync(PlaybackState.Playing);
        Assert.Null(playing.IssuedBy);
        Assert.Equal(waiting.PositionSeconds, playing.PositionSeconds);
        await host.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == UserOf(laggard) && member.Sync == MemberSync.CatchingUp));

        // Catching up alone: neither its buffering nor its readiness stops the group again.
        await laggard.BufferingAsync(playing.Revision);
        await laggard.ReadyAsync(playing.Revision);
        await host.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == UserOf(laggard) && member.Sync == MemberSync.Ready));
        Assert.Equal(playing.Revision, (await CurrentAsync(host, party.Id)).Playback.Revision);
    }

    [Fact]
    public async Task A_member_that_runs_out_of_buffer_pauses_the_group_for_at_most_the_rebuffer_timeout()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);
        await EveryoneReadyAsync(host, members);
        await host.InvokeAsync(nameof(PartyHub.Play));
        var playing = await host.WaitForPlaybackAsync(PlaybackState.Playing);
        api.Time.Advance(TimeSpan.FromSeconds(20));

        await members[0].BufferingAsync(playing.Revision);
        var wait = await host.WaitForPlaybackAsync(PlaybackState.Waiting, PartyCommand.Wait);
        // Everyone stops where the video will be when the pause takes effect.
        Assert.Equal(playing.PositionSeconds + (wait.AtServerTime - playing.AtServerTime) / 1000, wait.PositionSeconds, 6);
        Assert.Equal(UnixMs(api.Time.GetUtcNow() + TimeSpan.FromSeconds(10)), wait.WaitDeadline!.Value, 3);

        await api.AdvanceUntilAsync(() => host.All<PlaybackView>().Any(playback => playback.Revision > wait.Revision), TimeSpan.FromSeconds(2), 8);
        var resumed = await host.WaitForAsync<PlaybackView>(playback => playback.Revision > wait.Revision);
        Assert.Equal(PlaybackState.Playing, resumed.State);
        Assert.Equal(wait.PositionSeconds, resumed.PositionSeconds);
    }

    [Fact]
    public async Task A_seek_while_playing_waits_until_everyone_has_the_new_position_and_ignores_stale_reports()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);
        await EveryoneReadyAsync(host, members);
        await host.InvokeAsync(nameof(PartyHub.Play));
        var playing = await host.WaitForPlaybackAsync(PlaybackState.Playing);

        await host.InvokeAsync(nameof(PartyHub.Seek), 42.5);
        var seek = await members[0].WaitForPlaybackAsync(PlaybackState.Waiting, PartyCommand.Seek);
        Assert.Equal(42.5, seek.PositionSeconds);
        Assert.Equal(2, seek.WaitingFor.Count);

        // A report about the state before the seek says nothing about the new position.
        await members[0].ReadyAsync(playing.Revision);
        await host.ReadyAsync(seek.Revision);
        await members[0].ReadyAsync(seek.Revision);
        var resumed = await host.WaitForAsync<PlaybackView>(playback => playback.State == PlaybackState.Playing && playback.Revision > seek.Revision);
        Assert.Equal(42.5, resumed.PositionSeconds);
        Assert.Equal(2, host.All<PlaybackView>().Count(playback => playback.Revision == seek.Revision));
    }

    [Fact]
    public async Task A_late_joiner_gets_the_live_position_and_catches_up_without_pausing_the_group()
    {
        var (party, host, _) = await PartyAsync(memberCount: 0);
        await host.ReadyAsync(0);
        await host.InvokeAsync(nameof(PartyHub.Seek), 10.0);
        var seek = await host.WaitForPlaybackAsync(PlaybackState.Paused, PartyCommand.Seek);
        await host.ReadyAsync(seek.Revision);
        await host.InvokeAsync(nameof(PartyHub.SetRate), 1.5);
        await host.InvokeAsync(nameof(PartyHub.Play));
        var playing = await host.WaitForPlaybackAsync(PlaybackState.Playing);
        api.Time.Advance(TimeSpan.FromSeconds(8));

        await using var late = await api.NewMemberAsync();
        var joined = await late.JoinAndConnectAsync(party);

        var snapshot = joined.Joined!.Playback;
        Assert.Equal(PlaybackState.Playing, snapshot.State);
        var live = snapshot.PositionSeconds + (snapshot.ServerTime - snapshot.AtServerTime) / 1000 * snapshot.Rate;
        Assert.Equal(10 + (8 - 0.25) * 1.5, live, 3);
        Assert.Equal(MemberSync.CatchingUp, joined.Joined.Members.Single(member => member.UserId == late.UserId).Sync);
        Assert.Equal(playing.Revision, (await CurrentAsync(host, party.Id)).Playback.Revision);
    }

    [Fact]
    public async Task When_the_host_leaves_a_cohost_takes_the_seat_first_then_the_longest_present_member()
    {
        var (party, host, members) = await PartyAsync(memberCount: 2);
        var (earliest, cohost) = (members[0], members[1]);
        await host.InvokeAsync(nameof(PartyHub.Promote), UserOf(cohost));
        await earliest.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.Role == PartyRole.Cohost));

        await host.InvokeAsync(nameof(PartyHub.LeaveParty));
        var handover = await earliest.WaitForAsync<MembersDelta>(delta => delta.Left.Count == 1);
        Assert.Equal(PartyRole.Host, Assert.Single(handover.Changed).Role);
        Assert.Equal(UserOf(cohost), handover.Changed[0].UserId);

        await cohost.InvokeAsync(nameof(PartyHub.LeaveParty));
        var next = await earliest.WaitForAsync<MembersDelta>(delta => delta.Left.Contains(UserOf(cohost)));
        Assert.Equal((UserOf(earliest), PartyRole.Host), (next.Changed[0].UserId, next.Changed[0].Role));
    }

    [Fact]
    public async Task A_member_who_reconnects_keeps_its_role_and_is_shown_disconnected_in_between()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);
        var userId = UserOf(members[0]);
        await host.InvokeAsync(nameof(PartyHub.Promote), userId);
        await host.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.Role == PartyRole.Cohost));

        await members[0].Hub.StopAsync(Cancellation);
        await host.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == userId && !member.Connected));
        var again = await Member(members[0]).ConnectAsync(party.Id);

        var self = again.Joined!.Members.Single(member => member.UserId == userId);
        Assert.Equal((PartyRole.Cohost, true), (self.Role, self.Connected));
        await host.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == userId && member.Connected));
        await again.InvokeAsync(nameof(PartyHub.Play));
        await host.WaitForAsync<PlaybackView>(playback => playback.IssuedBy == userId);
    }

    [Fact]
    public async Task Chat_reaches_everyone_is_limited_to_five_messages_in_five_seconds_and_moderators_delete_messages()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);
        var member = members[0];

        for (var index = 1; index <= 6; index++)
        {
            await member.InvokeAsync(nameof(PartyHub.SendMessage), $"  message {index}  ");
            api.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var limited = await member.WaitForErrorAsync("chat-rate-limited");
        Assert.Contains("too fast", limited.Message, StringComparison.Ordinal);
        await host.WaitForAsync<ChatMessageView>(message => message.Text == "message 5");
        api.Time.Advance(TimeSpan.FromSeconds(5));
        await member.InvokeAsync(nameof(PartyHub.SendMessage), "after the window");
        var last = await host.WaitForAsync<ChatMessageView>(message => message.Text == "after the window");
        Assert.Equal(6, host.All<ChatMessageView>().Count);
        Assert.Equal(UserOf(member), last.AuthorId);

        await member.InvokeAsync(nameof(PartyHub.DeleteMessage), last.Id);
        await member.WaitForAsync<PartyError>(error => error.Code == "not-allowed");
        await host.InvokeAsync(nameof(PartyHub.DeleteMessage), last.Id);
        Assert.Equal(last.Id, await member.WaitForAsync<string>());

        var client = Member(member).Http;
        var first = await client.GetFromJsonAsync<ChatPage>($"/api/parties/{party.Id}/messages?limit=4", PartyMemberClient.Json, Cancellation);
        var second = await client.GetFromJsonAsync<ChatPage>($"/api/parties/{party.Id}/messages?limit=4&before={first!.NextBefore}", PartyMemberClient.Json, Cancellation);
        Assert.Equal((true, ""), (first.Items[0].Deleted, first.Items[0].Text));
        Assert.Equal(["after the window", "message 5", "message 4", "message 3", "message 2", "message 1"], first.Items.Concat(second!.Items).Select(message => message.Deleted ? "after the window" : message.Text));
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task A_party_admits_at_most_the_configured_number_of_members()
    {
        var (party, _, _) = await PartyAsync(memberCount: PartyApiFactory.MaxMembers - 1);
        await using var extra = await api.NewMemberAsync();

        using var refused = await extra.JoinAsync(party.InviteCode);

        await refused.ProblemAsync(HttpStatusCode.Conflict, "party-full");
    }

    [Fact]
    public async Task A_removed_member_is_disconnected_and_cannot_come_back_with_the_same_code()
    {
        var (party, host, members) = await PartyAsync(memberCount: 2);
        var (removed, cohost) = (members[0], members[1]);
        await host.InvokeAsync(nameof(PartyHub.Promote), UserOf(cohost));
        await cohost.InvokeAsync(nameof(PartyHub.Kick), party.Members[0].UserId);
        await cohost.WaitForAsync<PartyError>(error => error.Code == "not-allowed");

        await cohost.InvokeAsync(nameof(PartyHub.Kick), UserOf(removed));

        Assert.Equal("removed-from-party", (await removed.WaitForAsync<Removal>()).Reason.Code);
        await host.WaitForAsync<MembersDelta>(delta => delta.Left.Contains(UserOf(removed)));
        await host.InvokeAsync(nameof(PartyHub.SendMessage), "only for those still here");
        await cohost.WaitForAsync<ChatMessageView>();
        Assert.Empty(removed.All<ChatMessageView>());
        await removed.InvokeAsync(nameof(PartyHub.Play));
        await removed.WaitForErrorAsync("not-found");
        using var rejoin = await Member(removed).JoinAsync(party.InviteCode);
        await rejoin.ProblemAsync(HttpStatusCode.Forbidden, "removed-from-party");
        Assert.Equal("not-found", await Member(removed).RefusedCodeAsync(party.Id));
    }

    [Fact]
    public async Task Joining_and_connecting_need_the_video_visible_ready_and_licensed_where_the_member_is()
    {
        var usualAddress = api.RemoteAddress;
        try
        {
            api.RemoteAddress = PartyApiFactory.FrenchClient;
            await using var host = await api.NewMemberAsync(AppRoles.Creator);
            await using var viewer = await api.NewMemberAsync();
            await using var traveller = await api.NewMemberAsync();
            var video = await api.ReadyVideoAsync(host.UserId, allowedCountries: ["FR"]);
            var party = await host.CreatePartyAsync(video.Id);
            var connection = await traveller.JoinAndConnectAsync(party);
            await connection.Hub.StopAsync(Cancellation);

            api.RemoteAddress = PartyApiFactory.GermanClient;
            using (var refused = await viewer.JoinAsync(party.InviteCode))
            {
                await refused.ProblemAsync(HttpStatusCode.UnavailableForLegalReasons, "unavailable-in-region");
            }

            Assert.Equal("unavailable-in-region", await traveller.RefusedCodeAsync(party.Id));

            api.RemoteAddress = PartyApiFactory.FrenchClient;
            await host.Http.PatchAsJsonAsync($"/api/videos/{video.Id}", new { visibility = "private" }, Cancellation);
            Assert.Equal("not-found", await traveller.RefusedCodeAsync(party.Id));
            Assert.NotNull(await host.ConnectAsync(party.Id));

            var unpublished = await host.Http.CreateVideoAsync("Not processed yet");
            using var notReady = await host.Http.PostAsJsonAsync("/api/parties", new { videoId = unpublished.Id() }, Cancellation);
            await notReady.ProblemAsync(HttpStatusCode.Conflict, "not-ready");
        }
        finally
        {
            api.RemoteAddress = usualAddress;
        }
    }

    [Fact]
    public async Task Only_the_host_ends_a_party_and_every_member_is_told()
    {
        var (party, host, members) = await PartyAsync(memberCount: 1);

        using (var refused = await Member(members[0]).Http.DeleteAsync($"/api/parties/{party.Id}", Cancellation))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden, "not-allowed");
        }

        using var ended = await Member(host).Http.DeleteAsync($"/api/parties/{party.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(PartyEndReason.EndedByHost, (await members[0].WaitForAsync<PartyEndedView>()).Reason);
        var view = await Member(members[0]).Http.GetFromJsonAsync<PartyView>($"/api/parties/{party.Id}", PartyMemberClient.Json, Cancellation);
        Assert.Equal(PartyEndReason.EndedByHost, view!.EndReason);
        await using var latecomer = await api.NewMemberAsync();
        using var join = await latecomer.JoinAsync(party.InviteCode);
        await join.ProblemAsync(HttpStatusCode.Gone, "party-ended");
        await members[0].InvokeAsync(nameof(PartyHub.SendMessage), "anyone?");
        await members[0].WaitForAsync<PartyError>(error => error.Code is "party-ended" or "not-joined");
    }

    [Fact]
    public async Task Out_of_bounds_inputs_are_refused_with_a_reason()
    {
        var (party, host, _) = await PartyAsync(memberCount: 0);

        await host.InvokeAsync(nameof(PartyHub.Seek), -1.0);
        await host.InvokeAsync(nameof(PartyHub.Seek), 601.0);
        await host.InvokeAsync(nameof(PartyHub.SetRate), 3.0);
        await host.InvokeAsync(nameof(PartyHub.SendMessage), new string('x', PartyChat.MaxLength + 1));
        await host.InvokeAsync(nameof(PartyHub.SendMessage), "   ");
        await host.InvokeAsync(nameof(PartyHub.ReportSync), new SyncReport(-5, null));

        await host.WaitForAsync<PartyError>(_ => host.All<PartyError>().Count(error => error.Code == "invalid-request") == 6);
        Assert.Equal(0, (await CurrentAsync(host, party.Id)).Playback.Revision);
        Assert.Equal("invalid-request", (await host.JoinAsync("not-a-party")).Error?.Code);
        await using var stranger = await api.NewMemberAsync();
        using var notMember = await stranger.Http.GetAsync($"/api/parties/{party.Id}/messages", Cancellation);
        await notMember.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_hub_takes_the_token_from_the_authorization_header_only()
    {
        await using var member = await api.NewMemberAsync();
        await using var queryToken = new HubConnectionBuilder()
            .WithUrl($"{api.Address}{PartyHub.Path}?access_token={member.AccessToken}", options => options.SkipNegotiation = false)
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => queryToken.StartAsync(Cancellation));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_new_party_has_an_unguessable_invite_link_and_its_creator_as_host()
    {
        await using var host = await api.NewMemberAsync();
        var video = await api.ReadyVideoAsync(host.UserId);

        var party = await host.CreatePartyAsync(video.Id, "everyone");

        Assert.Matches("^[A-Za-z0-9_-]{24}$", party.InviteCode);
        Assert.Equal($"http://frontend.test/party/{party.InviteCode}", party.InviteUrl);
        Assert.Equal(PartyControlMode.Everyone, party.ControlMode);
        Assert.Equal((host.UserId, PartyRole.Host), (party.Members.Single().UserId, party.Members.Single().Role));
        Assert.Equal((PlaybackState.Idle, 600d), (party.Playback.State, party.VideoDurationSeconds!.Value));
        Assert.NotEqual(party.InviteCode, (await host.CreatePartyAsync(video.Id)).InviteCode);
    }

    [Fact]
    public async Task Party_metrics_are_exported_on_the_metrics_endpoint_under_their_prometheus_names()
    {
        // A fresh Api shows the gauges before any party exists.
        await using (var fresh = new ApiFactory())
        {
            await fresh.InitializeAsync();
            using var client = fresh.CreateClient();
            var idle = await ScrapeAsync(client, "party_members");
            Assert.Matches(@"(?m)^party_active(\{[^}]*\})? 0$", idle);
            Assert.Matches(@"(?m)^party_members(\{[^}]*\})? 0$", idle);
        }

        var (party, host, members) = await PartyAsync(memberCount: 1);
        await EveryoneReadyAsync(host, members);
        await host.InvokeAsync(nameof(PartyHub.Play));
        await members[0].WaitForPlaybackAsync(PlaybackState.Playing);
        await members[0].InvokeAsync(nameof(PartyHub.ReportSync), new SyncReport(20, -42));
        await members[0].InvokeAsync(nameof(PartyHub.SendMessage), "counted");
        await host.WaitForAsync<ChatMessageView>(message => message.Text == "counted");

        var metrics = await ScrapeAsync(Member(host).Http, "party_chat_messages_total");
        Assert.Matches(@"(?m)^party_active(\{[^}]*\})? [1-9]\d*$", metrics);
        Assert.Matches(@"(?m)^party_members(\{[^}]*\})? [2-9]\d*$", metrics);
        Assert.Matches(@"(?m)^party_commands_total\{[^}]*command=""play""[^}]*\} [1-9]\d*", metrics);
        Assert.Matches(@"(?m)^party_sync_offset_ms_bucket\{[^}]*le=""50""[^}]*\} [1-9]\d*", metrics);
        Assert.Matches(@"(?m)^party_chat_messages_total(\{[^}]*\})? [1-9]\d*", metrics);
    }

    /// <summary>The Prometheus text once it mentions <paramref name="name"/> (the exporter caches scrapes briefly).</summary>
    private static async Task<string> ScrapeAsync(HttpClient client, string name)
    {
        for (var tries = 0; ; tries++)
        {
            var metrics = await client.GetStringAsync("/metrics", Cancellation);
            if (metrics.Contains(name, StringComparison.Ordinal) || tries == 50)
            {
                return metrics;
            }

            await Task.Delay(200, Cancellation);
        }
    }

    private readonly Dictionary<PartyConnectionClient, PartyMemberClient> _members = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members.Values.Distinct())
        {
            await member.DisposeAsync();
        }
    }

    private PartyMemberClient Member(PartyConnectionClient connection) => _members[connection];

    private string UserOf(PartyConnectionClient connection) => _members[connection].UserId;

    /// <summary>A party on a ready video with its host and <paramref name="memberCount"/> members, all connected.</summary>
    private async Task<(PartyView Party, PartyConnectionClient Host, IReadOnlyList<PartyConnectionClient> Members)> PartyAsync(int memberCount)
    {
        var host = await api.NewMemberAsync();
        var video = await api.ReadyVideoAsync(host.UserId);
        var party = await host.CreatePartyAsync(video.Id);
        var hostConnection = await host.ConnectAsync(party.Id);
        _members[hostConnection] = host;
        var members = new List<PartyConnectionClient>();
        for (var index = 0; index < memberCount; index++)
        {
            var member = await api.NewMemberAsync();
            var connection = await member.JoinAndConnectAsync(party);
            _members[connection] = member;
            members.Add(connection);
        }

        return (party, hostConnection, members);
    }

    private static async Task EveryoneReadyAsync(PartyConnectionClient host, IReadOnlyList<PartyConnectionClient> members)
    {
        foreach (var connection in members.Prepend(host))
        {
            await connection.ReadyAsync(0);
        }

        await host.WaitForAsync<MembersDelta>(_ => host.All<MembersDelta>().SelectMany(delta => delta.Changed).Where(member => member.Sync == MemberSync.Ready)
            .Select(member => member.UserId).Distinct().Count() == members.Count + 1);
    }

    private async Task<PartyView> CurrentAsync(PartyConnectionClient connection, string partyId) =>
        (await Member(connection).Http.GetFromJsonAsync<PartyView>($"/api/parties/{partyId}", PartyMemberClient.Json, Cancellation))!;
}
