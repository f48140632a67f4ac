using System.Globalization;

namespace StreamingApp.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class JourneyTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task A_creator_uploads_a_clip_that_plays_resumes_gets_featured_and_can_be_blocked_by_country()
    {
        var creatorEmail = $"creator-{Guid.NewGuid():N}@streamingapp.test";
        var title = $"Test pattern {Guid.NewGuid():N}"[..24];

        // A new account, confirmed by email, becomes a creator when an admin gives the role.
        var creator = await fixture.NewPageAsync();
        await creator.RegisterAndVerifyAsync(fixture, creatorEmail, "Cleo Creator");
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync(EndToEndFixture.AdminEmail, EndToEndFixture.AdminPassword);
        await admin.GotoAsync($"admin/users?q={Uri.EscapeDataString(creatorEmail)}");
        await admin.ClickAsync("[data-testid=edit-roles]");
        await admin.CheckAsync("[data-testid=role-creator]");
        await admin.ClickAsync("[data-testid=save-roles]");
        await admin.WaitForSelectorAsync($"[data-testid='user-{creatorEmail}'] >> text=creator");
        await admin.ScreenshotAsync("admin-users");

        // The creator describes the video, uploads the clip and watches processing finish.
        await creator.SignInAsync(creatorEmail);
        var videoId = await creator.UploadVideoAsync(fixture.ClipPath, title, screenshots: true);

        // It plays: time advances and hls.js has chosen a quality level.
        await creator.ClickAsync("[data-testid=watch-link]");
        await creator.WaitForPlaybackPastAsync(1.5);
        Assert.NotNull(await creator.GetAttributeAsync("[data-player]", "data-level"));
        await creator.ScreenshotAsync("watch");

        // Pausing with the keyboard saves the position; coming back resumes there.
        await creator.FocusAsync("[data-player]");
        var saved = await creator.RunAndWaitForResponseAsync(
            () => creator.Keyboard.PressAsync("k"),
            response => response.Url.Contains($"/api/me/progress/{videoId}", StringComparison.Ordinal) && response.Request.Method == "PUT");
        Assert.Equal(204, saved.Status);
        var position = await creator.CurrentTimeAsync();
        await creator.GotoAsync("");
        await creator.GotoAsync($"watch/{videoId}");
        var start = double.Parse((await creator.GetAttributeAsync("[data-player]", "data-start"))!, CultureInfo.InvariantCulture);
        Assert.InRange(start, position - 0.6, position + 0.6);
        await creator.WaitForPlaybackPastAsync(start + 0.2);
        Assert.InRange(await creator.CurrentTimeAsync(), start, start + 10);

        // An admin features it, and it becomes the home page's hero.
        await admin.GotoAsync($"admin/videos?q={Uri.EscapeDataString(title)}");
        await admin.ClickAsync($"[data-testid='admin-video-{videoId}'] [data-testid=feature]");
        await admin.WaitForSelectorAsync($"[data-testid='admin-video-{videoId}'] [data-testid=unfeature]");
        await admin.ScreenshotAsync("admin-videos");
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("");
        Assert.Equal(title, await visitor.TextContentAsync("[data-testid=hero] .hero-title"));
        await visitor.ScreenshotAsync("home");
        await visitor.GotoAsync($"browse?q={Uri.EscapeDataString("pattern")}");
        await visitor.ScreenshotAsync("browse");
        await visitor.GotoAsync($"videos/{videoId}");
        await visitor.ScreenshotAsync("details");

        // Blocked where the viewer is, the video shows the 451 page instead.
        await creator.GotoAsync($"studio/{videoId}/edit");
        await creator.FillAsync("[data-testid=video-blocked]", EndToEndFixture.ViewerCountry);
        await creator.ClickAsync("button:has-text('Save changes')");
        await creator.WaitForSelectorAsync("text=Saved.");
        await creator.GotoAsync("studio");
        await creator.ScreenshotAsync("my-videos");
        var response = await visitor.GotoAsync($"videos/{videoId}");
        Assert.Equal(451, response!.Status);
        await visitor.WaitForSelectorAsync("[data-testid=problem-451]");
        await visitor.ScreenshotAsync("unavailable-451");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_in_the_other_browser_too()
    {
        var email = $"viewer-{Guid.NewGuid():N}@streamingapp.test";
        var laptop = await fixture.NewPageAsync();
        await laptop.RegisterAndVerifyAsync(fixture, email, "Vera Viewer");
        await laptop.SignInAsync(email);
        var phone = await fixture.NewPageAsync();
        await phone.SignInAsync(email);
        await phone.GotoAsync("history");
        Assert.EndsWith("/history", phone.Url, StringComparison.Ordinal);

        await laptop.GotoAsync("account");
        await laptop.ScreenshotAsync("profile");
        await laptop.ClickAsync("[data-testid=sign-out-everywhere]");
        await laptop.WaitForSelectorAsync("a[href='account/login']");

        // The other browser still holds its cookie; its next request finds the session revoked.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!phone.Url.Contains("/account/login", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await phone.GotoAsync("history");
        }

        Assert.Contains("/account/login", phone.Url, StringComparison.Ordinal);
        await phone.ScreenshotAsync("signed-out");
    }

    [Fact]
    public async Task Unknown_pages_get_the_friendly_404()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("no-such-page");

        Assert.Equal(404, response!.Status);
        await page.WaitForSelectorAsync("[data-testid=problem-404]");
        await page.ScreenshotAsync("not-found");
        await page.GotoAsync("account/login");
        await page.ScreenshotAsync("sign-in");
    }
}
