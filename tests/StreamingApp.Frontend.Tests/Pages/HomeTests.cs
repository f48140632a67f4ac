using System.Net;
using StreamingApp.Frontend.Components.Pages;

namespace StreamingApp.Frontend.Tests.Pages;

public sealed class HomeTests : FrontendTestContext
{
    [Fact]
    public void The_first_featured_video_is_the_hero_and_each_genre_with_videos_gets_a_row()
    {
        Anonymous();
        Api.Answer(_ => true, HttpStatusCode.OK, TestData.Page<VideoSummary>())
            .Answer(request => request.RequestUri!.Query.Contains("genre=Sci-Fi", StringComparison.Ordinal), HttpStatusCode.OK, TestData.Page(TestData.Summary("s1", "Orbit")))
            .Answer("/api/videos/featured", HttpStatusCode.OK, TestData.Json(new[] { TestData.Summary("f1", "Starfall"), TestData.Summary("f2", "Moonrise") }));

        var page = Render<Home>();

        Assert.Equal("Starfall", page.Find("[data-testid=hero] .hero-title").TextContent);
        Assert.Equal("watch/f1", page.Find("[data-testid=hero] a.button-primary").GetAttribute("href"));
        Assert.Contains("Orbit", page.Find("[data-testid=genre-Sci-Fi]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=genre-Drama]"));
        Assert.Empty(page.FindAll("[data-testid=continue-watching]"));
        Assert.DoesNotContain(Api.Requests, request => request.RequestUri!.AbsolutePath == "/api/me/history");
    }

    [Fact]
    public void Signed_in_viewers_continue_watching_unfinished_videos_with_how_far_they_got()
    {
        SignIn("Vera", Roles.Viewer);
        Api.Answer(_ => true, HttpStatusCode.OK, TestData.Page<VideoSummary>())
            .Answer("/api/videos/featured", HttpStatusCode.OK, "[]")
            .Answer("/api/me/history", HttpStatusCode.OK, TestData.Json(new[]
            {
                new HistoryEntry(TestData.Summary("h1", "Halfway", duration: 200), 50, DateTimeOffset.UnixEpoch, Finished: false),
                new HistoryEntry(TestData.Summary("h2", "Done", duration: 200), 199, DateTimeOffset.UnixEpoch, Finished: true),
            }));

        var page = Render<Home>();

        var row = page.Find("[data-testid=continue-watching]");
        Assert.Contains("Halfway", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Done", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.25", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.NotNull(page.Find("[data-testid=hero-empty]"));
    }

    [Fact]
    public void The_home_page_says_so_when_the_api_fails()
    {
        Anonymous();
        Api.Answer(_ => true, HttpStatusCode.ServiceUnavailable, "{}");

        var page = Render<Home>();

        Assert.Contains("answered 503", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
