using System.Globalization;
using Microsoft.Playwright;

namespace WatchParties;

/// <summary>
/// Browser sync skew: SKEW_PAGES headless Chromium pages (separate profiles, separate accounts) signed in to the web
/// UI and in one party on one Api instance, the first page its host. Each round the host plays, then seeks, then
/// pauses, through the player's own controls. After play and after seek, once every page plays, the pages' video
/// positions are read every 200 ms from 1 s to 5 s after the command and brought to one instant (the pages share the
/// machine's clock); the skew of a reading is the largest difference between two pages.
/// </summary>
public static class SkewBenchmark
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
    ];

    /// <summary>A reading this far apart is logged with each page's view of the party.</summary>
    private const double OutlierMs = 1000;

    private const string DescribePage =
        "() => { const sync = document.querySelector('[data-sync]'); const video = document.querySelector('[data-player] video'); " +
        "return `${sync.dataset.state} drift ${sync.dataset.driftMs} ms, ${video.paused ? 'paused' : 'playing'}, readyState ${video.readyState}, seeking ${video.seeking}`; }";

    private static readonly TimeSpan SampleFrom = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SampleUntil = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>Each page's position, the time it was read (Unix ms on the machine's clock) and the video's rate (0 when paused).</summary>
    private const string ReadPlayer =
        "() => { const video = document.querySelector('[data-player] video'); return [video.currentTime, performance.timeOrigin + performance.now(), video.paused ? 0 : video.playbackRate]; }";

    public static async Task<SkewResult> RunAsync(BenchSettings settings, AppClient app, IReadOnlyList<Account> accounts, string apiUrl, string videoId)
    {
        var members = accounts.Take(settings.SkewPages).ToList();
        var party = await app.PostAsync(apiUrl, "/api/parties", members[0], new { videoId, controlMode = "host" });
        var partyId = party.GetProperty("id").GetString()!;
        var inviteCode = party.GetProperty("inviteCode").GetString()!;
        foreach (var member in members.Skip(1))
        {
            await app.PostAsync(apiUrl, "/api/parties/join", member, new { inviteCode });
        }

        FanOutBenchmark.Log($"Browser skew: {members.Count} Chromium pages in one party through the web UI at {settings.FrontendUrl}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArguments });
        var pages = new List<IPage>();
        foreach (var member in members)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = settings.FrontendUrl, ViewportSize = new ViewportSize { Width = 960, Height = 600 } });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("account/login");
            await page.FillAsync("#login-email", member.Email);
            await page.FillAsync("#login-password", AppClient.Password);
            await page.ClickAsync("[data-testid=sign-in]");
            await page.WaitForSelectorAsync("[data-testid=account-menu]");
            await page.GotoAsync($"parties/{partyId}");
            await page.WaitForSelectorAsync("[data-party][data-connected=true]");
            pages.Add(page);
        }

        var host = pages[0];
        await host.WaitForFunctionAsync($"() => document.querySelectorAll('[data-members] li:not(.is-away)').length === {members.Count}");
        var afterPlay = new List<double>();
        var afterSeek = new List<double>();
        for (var round = 1; round <= settings.SkewRounds; round++)
        {
            var from = await host.EvaluateAsync<double>("() => document.querySelector('[data-player] video').currentTime");
            await host.ClickAsync("[data-play]");
            afterPlay.AddRange(await SampleAsync(pages, from + 0.3));

            // Back and forth between two places, so every round seeks as far.
            var target = round % 2 == 1 ? 30 : 8;
            await host.EvaluateAsync($"() => {{ const seek = document.querySelector('[data-seek]'); seek.value = '{target}'; seek.dispatchEvent(new Event('change', {{ bubbles: true }})); }}");
            afterSeek.AddRange(await SampleAsync(pages, target + 0.3));

            await host.ClickAsync("[data-play]");
            foreach (var page in pages)
            {
                await page.WaitForFunctionAsync("() => document.querySelector('[data-player] video').paused");
            }

            FanOutBenchmark.Log($"skew round {round}: after play p95 {Quantile(afterPlay, 0.95):0.0} ms, after seek p95 {Quantile(afterSeek, 0.95):0.0} ms so far");
        }

        return new SkewResult(members.Count, settings.SkewRounds, afterPlay, afterSeek);
    }

    /// <summary>Waits until every page plays past <paramref name="position"/>, then reads the pages from 1 s to 5 s after the first of them got there.</summary>
    private static async Task<List<double>> SampleAsync(IReadOnlyList<IPage> pages, double position)
    {
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync(
                "position => { const video = document.querySelector('[data-player] video'); return !video.paused && video.currentTime > position; }", position);
        }

        var started = DateTime.UtcNow;
        await Task.Delay(SampleFrom);
        var skews = new List<double>();
        while (DateTime.UtcNow - started < SampleUntil)
        {
            var readings = new List<double[]>();
            foreach (var page in pages)
            {
                readings.Add(await page.EvaluateAsync<double[]>(ReadPlayer));
            }

            var instant = readings.Max(reading => reading[1]);
            var positions = readings.Select(reading => reading[0] * 1000 + (instant - reading[1]) * reading[2]).ToList();
            var skew = positions.Max() - positions.Min();
            skews.Add(skew);
            if (skew > OutlierMs)
            {
                // What each page's party thought at that moment, so an outlier can be explained.
                var states = new List<string>();
                foreach (var page in pages)
                {
                    states.Add(await page.EvaluateAsync<string>(DescribePage));
                }

                FanOutBenchmark.Log(string.Create(CultureInfo.InvariantCulture,
                    $"outlier: skew {skew:0} ms; positions {string.Join(", ", positions.Select(position => (position / 1000).ToString("0.000", CultureInfo.InvariantCulture)))} s; pages: {string.Join(" | ", states)}"));
            }

            await Task.Delay(SampleEvery);
        }

        return skews;
    }

    public static double Quantile(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }
}

public sealed record SkewResult(int Pages, int Rounds, IReadOnlyList<double> AfterPlay, IReadOnlyList<double> AfterSeek)
{
    public const double GoalP95Ms = 100;

    public IReadOnlyList<double> All => [.. AfterPlay, .. AfterSeek];

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Browser sync skew across {Pages} Chromium pages in one party, {Rounds} rounds of play and seek, " +
            "largest difference between pages read every 200 ms from 1 s to 5 s after each command (ms)");
        Console.WriteLine($"{"after",-10}{"readings",10}{"p50",10}{"p95",10}{"max",10}{"> 100 ms",10}");
        Row("play", AfterPlay);
        Row("seek", AfterSeek);
        Row("all", All);
    }

    private static void Row(string name, IReadOnlyList<double> skews) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10}{skews.Count,10}{SkewBenchmark.Quantile(skews, 0.5),10:0.0}{SkewBenchmark.Quantile(skews, 0.95),10:0.0}{(skews.Count == 0 ? double.NaN : skews.Max()),10:0.0}{skews.Count(skew => skew > GoalP95Ms),10}"));
}
