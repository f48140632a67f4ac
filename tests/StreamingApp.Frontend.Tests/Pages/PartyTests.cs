using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Frontend.Components.Pages;

namespace StreamingApp.Frontend.Tests.Pages;

public sealed class PartyTests : FrontendTestContext
{
    private const string PartyId = "0192f0c0ffee70008000000000000001";
    private const string InviteCode = "Zm9yLXRoZS10ZXN0LW9ubHkx";

    private string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Signed_in_viewers_start_a_party_from_a_ready_video_choosing_who_controls_playback()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/videos/v1", HttpStatusCode.OK, TestData.Json(TestData.Details("v1", "Orbit")))
            .Answer("/api/parties", HttpStatusCode.Created, TestData.Json(Party()));

        var page = Render<VideoPage>(parameters => parameters.Add(p => p.Id, "v1"));
        page.Find("[data-testid=mode-everyone]").Change(PartyControlModes.Everyone);
        page.Find("form[data-testid=start-party]").Submit();

        var (method, _, body) = Assert.Single(Api.Bodies, sent => sent.Path == "/api/parties");
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("""{"videoId":"v1","controlMode":"everyone"}""", body);
        Assert.EndsWith($"/parties/{PartyId}", CurrentUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_a_party_is_offered_only_to_signed_in_viewers_of_a_ready_video()
    {
        Anonymous();
        Api.Answer("/api/videos/v1", HttpStatusCode.OK, TestData.Json(TestData.Details("v1", "Orbit")));
        Assert.Empty(Render<VideoPage>(parameters => parameters.Add(p => p.Id, "v1")).FindAll("[data-testid=start-party]"));
    }

    [Fact]
    public void A_refused_start_explains_why_on_the_video_page()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/videos/v1", HttpStatusCode.OK, TestData.Json(TestData.Details("v1", "Orbit")))
            .Answer("/api/parties", HttpStatusCode.UnavailableForLegalReasons, TestData.Problem(451, "unavailable-in-region", "This video is not available in your country."));

        var page = Render<VideoPage>(parameters => parameters.Add(p => p.Id, "v1"));
        page.Find("form[data-testid=start-party]").Submit();

        Assert.Contains("not available in your country", page.Find(".validation-errors").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/", CurrentUri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invite_link_joins_with_its_code_only_when_the_viewer_presses_join()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/parties/join", HttpStatusCode.OK, TestData.Json(Party()));

        var page = Render<PartyInvite>(parameters => parameters.Add(p => p.InviteCode, InviteCode));
        Assert.Empty(Api.Requests);
        page.Find("form").Submit();

        Assert.Equal(("/api/parties/join", $$"""{"inviteCode":"{{InviteCode}}"}"""), Api.Bodies.Select(sent => (sent.Path, sent.Body)).Single());
        Assert.EndsWith($"/parties/{PartyId}", CurrentUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "removed-from-party", "You were removed from this party")]
    [InlineData(409, "party-full", "This party is full")]
    [InlineData(410, "party-ended", "This party has ended")]
    [InlineData(404, "not-found", "We can't find that party")]
    public void A_refused_join_says_why_in_words(int status, string type, string heading)
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/parties/join", (HttpStatusCode)status, TestData.Problem(status, type, "Refused."));

        var page = Render<PartyInvite>(parameters => parameters.Add(p => p.InviteCode, InviteCode));
        page.Find("form").Submit();

        Assert.Equal(heading, page.Find($"[data-testid=party-problem-{type}] h1").TextContent);
    }

    [Fact]
    public void A_refusal_about_the_video_reads_as_the_videos_problem()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/parties/join", HttpStatusCode.UnavailableForLegalReasons, TestData.Problem(451, "unavailable-in-region", "Not here.", "Not licensed for SE."));

        var page = Render<PartyInvite>(parameters => parameters.Add(p => p.InviteCode, InviteCode));
        page.Find("form").Submit();

        Assert.Contains("Not licensed for SE.", page.Find("[data-testid=problem-451]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_party_page_hands_the_party_its_player_state_hub_and_invite_link_on_this_sites_address()
    {
        SignIn("Vera", Roles.Viewer);
        var party = Party() with { Playback = new PartyPlayback("playing", 42.5, 1_700_000_000_000, 1, 3), ServerTime = 1_700_000_000_100 };
        Api.Answer($"/api/parties/{PartyId}", HttpStatusCode.OK, TestData.Json(party))
            .Answer("/api/videos/v1", HttpStatusCode.OK, TestData.Json(TestData.Details("v1", "Orbit")))
            .Answer("/api/videos/v1/playback", HttpStatusCode.OK, TestData.Json(new PlaybackUrls("/media/media/v1/v1/master.m3u8?sig=a", null, null, DateTimeOffset.UnixEpoch)));

        var page = Render<Party>(parameters => parameters.Add(p => p.Id, PartyId));

        var root = page.Find("[data-party]");
        Assert.Equal((PartyId, "Vera-id", "everyone"), (root.GetAttribute("data-party-id"), root.GetAttribute("data-user-id"), root.GetAttribute("data-control-mode")));
        Assert.Equal(party.Playback, JsonSerializer.Deserialize<PartyPlayback>(root.GetAttribute("data-playback")!, JsonSerializerOptions.Web));
        Assert.Equal("1700000000100", root.GetAttribute("data-server-time"));
        Assert.EndsWith("signalr.min.js", root.GetAttribute("data-hub-script"), StringComparison.Ordinal);

        // The party drives the same player the watch page has, starting where the group was.
        var player = page.Find("[data-player][data-party-player]");
        Assert.Equal(("/media/media/v1/v1/master.m3u8?sig=a", "42.5"), (player.GetAttribute("data-src"), player.GetAttribute("data-start")));
        Assert.Equal($"http://localhost/party/{InviteCode}", page.Find("[data-testid=invite-link]").GetAttribute("value"));
        Assert.Equal("500", page.Find("[data-testid=chat-input]").GetAttribute("maxlength"));
        Assert.NotNull(page.Find("[data-sync]"));
        Assert.NotNull(page.Find("[data-control]"));
    }

    [Fact]
    public void Someone_who_is_not_a_member_finds_no_party()
    {
        SignIn("Vera", Roles.Viewer);

        var page = Render<Party>(parameters => parameters.Add(p => p.Id, PartyId));

        Assert.NotNull(page.Find("[data-testid=party-problem-not-found]"));
        Assert.Empty(page.FindAll("[data-party]"));
    }

    [Fact]
    public void An_ended_party_says_so_instead_of_showing_a_player()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer($"/api/parties/{PartyId}", HttpStatusCode.OK, TestData.Json(Party() with { EndedAt = DateTimeOffset.UnixEpoch }));

        var page = Render<Party>(parameters => parameters.Add(p => p.Id, PartyId));

        Assert.Equal("This party has ended", page.Find("[data-testid=party-problem-party-ended] h1").TextContent);
        Assert.Empty(page.FindAll("[data-player]"));
    }

    private static PartyView Party() => new(
        PartyId, "v1", InviteCode, PartyControlModes.Everyone, new PartyPlayback("idle", 0, 1_700_000_000_000, 1, 0),
        [new PartyMember("Vera-id", "Vera", PartyRoles.Host, false, "loading")], null, 1_700_000_000_000);
}
