using System.Text.RegularExpressions;

namespace StreamingApp.EndToEnd.Tests;

/// <summary>What people do on the web UI, step by step, as Playwright actions.</summary>
public static partial class Site
{
    public const string Password = "a long and unusual passphrase";

    /// <summary>Screenshots go under the test output's TestResults folder (git-ignored), one file per page.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Creates an account and confirms its email through the link in the pickup folder.</summary>
    public static async Task RegisterAndVerifyAsync(this IPage page, EndToEndFixture fixture, string email, string displayName)
    {
        await page.GotoAsync("account/register");
        await page.FillAsync("#register-name", displayName);
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.FillAsync("#register-confirm", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=registered]");

        var link = await fixture.Mailbox.WaitForLinkAsync(email, "/account/verify-email", TimeSpan.FromSeconds(30));
        await page.GotoAsync(link.PathAndQuery);
        await page.ClickAsync("[data-testid=confirm-email]");
        await page.WaitForSelectorAsync("[data-testid=email-verified]");
    }

    public static async Task SignInAsync(this IPage page, string email, string password = Password)
    {
        await page.GotoAsync("account/login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=account-menu]");
    }

    /// <summary>
    /// On the upload pages (as a creator or admin): describes a video, uploads <paramref name="clipPath"/> and waits
    /// until processing has finished; the video's id. <paramref name="screenshots"/> records each step.
    /// </summary>
    public static async Task<string> UploadVideoAsync(this IPage page, string clipPath, string title, bool screenshots = false)
    {
        await page.ClickAsync("[data-testid=nav-upload]");
        await page.FillAsync("[data-testid=video-title]", title);
        await page.SelectOptionAsync("#video-genre", "Documentary");
        await page.FillAsync("#video-year", "2025");
        await page.FillAsync("#video-tags", "test, pattern");
        await Step("upload-describe");
        await page.ClickAsync("[data-testid=create-video]");
        await page.WaitForURLAsync(UploadPage());
        var videoId = UploadPage().Match(page.Url).Groups[1].Value;
        await page.SetInputFilesAsync("[data-testid=upload-file]", clipPath);
        await page.WaitForSelectorAsync("[data-testid=processing][data-status=processing]", new() { State = WaitForSelectorState.Attached });
        await Step("upload-processing");
        await page.WaitForSelectorAsync("[data-testid=processing][data-status=ready]", new() { Timeout = 180_000 });
        await Step("upload-ready");
        return videoId;

        Task Step(string name) => screenshots ? page.ScreenshotAsync(name) : Task.CompletedTask;
    }

    /// <summary>Waits until the page's video has played past <paramref name="seconds"/>.</summary>
    public static async Task WaitForPlaybackPastAsync(this IPage page, double seconds, int timeoutMs = 60_000) =>
        await page.WaitForFunctionAsync(
            "seconds => { const video = document.querySelector('[data-player] video'); return video && !video.paused && video.currentTime > seconds; }",
            seconds, new PageWaitForFunctionOptions { Timeout = timeoutMs });

    public static async Task<double> CurrentTimeAsync(this IPage page) =>
        await page.EvaluateAsync<double>("() => document.querySelector('[data-player] video').currentTime");

    [GeneratedRegex(@"/upload/([0-9a-f]{32})$")]
    private static partial Regex UploadPage();
}
