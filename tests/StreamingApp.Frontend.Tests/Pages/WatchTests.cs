using System.Net;
using StreamingApp.Frontend.Components.Pages;

namespace StreamingApp.Frontend.Tests.Pages;

public sealed class WatchTests : FrontendTestContext
{
    [Theory]
    [InlineData(125.04, 600, 125.0)]
    [InlineData(0.5, 600, 0)]
    [InlineData(590, 600, 0)]
    [InlineData(3.2, 6, 3.2)]
    [InlineData(5.8, 6, 0)]
    public void Playback_resumes_from_the_saved_position_unless_the_video_was_watched_to_the_end_or_barely_started(double saved, double duration, double expected)
    {
        var entry = new HistoryEntry(TestData.Summary("v1", "Orbit"), saved, DateTimeOffset.UnixEpoch, Finished: saved > duration - 30);

        Assert.Equal(expected, Watch.ResumePosition(entry, duration));
    }

    [Fact]
    public void The_player_gets_the_signed_stream_the_resume_position_and_a_quality_menu_lowest_first()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/videos/v1", HttpStatusCode.OK, TestData.Json(TestData.Details("v1", "Orbit")))
            .Answer("/api/videos/v1/playback", HttpStatusCode.OK, TestData.Json(new PlaybackUrls("/media/media/v1/v1/master.m3u8?sig=a", null, "/media/media/v1/v1/storyboard.vtt?sig=a", DateTimeOffset.UnixEpoch)))
            .Answer("/api/me/history", HttpStatusCode.OK, TestData.Json(new[] { new HistoryEntry(TestData.Summary("v1", "Orbit"), 42.5, DateTimeOffset.UnixEpoch, false) }));

        var page = Render<Watch>(parameters => parameters.Add(p => p.Id, "v1"));

        var player = page.Find("[data-player]");
        Assert.Equal("/media/media/v1/v1/master.m3u8?sig=a", player.GetAttribute("data-src"));
        Assert.Equal("/media/media/v1/v1/storyboard.vtt?sig=a", player.GetAttribute("data-storyboard"));
        Assert.Equal("42.5", player.GetAttribute("data-start"));
        Assert.Equal("0", player.GetAttribute("tabindex"));
        Assert.Equal(["Auto", "360p", "720p"], page.FindAll("[data-quality] option").Select(option => option.TextContent));
        Assert.All(page.FindAll(".player-controls button"), button => Assert.False(string.IsNullOrEmpty(button.GetAttribute("aria-label"))));
    }

    [Fact]
    public void A_video_blocked_in_the_viewers_country_shows_the_451_page()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/videos/v1", HttpStatusCode.UnavailableForLegalReasons, TestData.Problem(451, "unavailable-in-region", "This video is not available in your country.", "Not licensed for SE."))
            .Answer("/api/me/history", HttpStatusCode.OK, "[]");

        var page = Render<Watch>(parameters => parameters.Add(p => p.Id, "v1"));

        var problem = page.Find("[data-testid=problem-451]");
        Assert.Contains("Not available in your country", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not licensed for SE.", problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-player]"));
    }

    [Fact]
    public void A_missing_video_shows_the_404_page()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer("/api/me/history", HttpStatusCode.OK, "[]");

        var page = Render<Watch>(parameters => parameters.Add(p => p.Id, "gone"));

        Assert.NotNull(page.Find("[data-testid=problem-404]"));
    }
}
