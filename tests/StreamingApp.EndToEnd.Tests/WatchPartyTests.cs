using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamingApp.EndToEnd.Tests;

/// <summary>
/// A watch party in three browser profiles (three people) on the whole application: the invite link, the hub through
/// the Frontend's proxy over WebSockets, clock sync and scheduled commands in each page, and chat.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class WatchPartyTests(EndToEndFixture fixture) : IDisposable
{
    /// <summary>How far apart the members' videos may be once they have settled after a command.</summary>
    public const double MaxSpreadMs = 150;

    private readonly TemporaryDirectory _media = new("e2e-party");

    [Fact]
    public async Task Three_members_see_the_same_moment_after_play_and_after_seek_and_everyone_gets_the_chat()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Long enough to play, seek forward and keep playing while the pages are measured.
        var clip = TestClip.CreateAsync(_media.Combine("party.mp4"), cancellation, seconds: 40);
        var host = await fixture.NewPageAsync();
        await host.SignInAsync(EndToEndFixture.AdminEmail, EndToEndFixture.AdminPassword);
        var guests = new List<IPage>();
        foreach (var name in new[] { "Gus Guest", "Gia Guest" })
        {
            var email = $"guest-{Guid.NewGuid():N}@streamingapp.test";
            var guest = await fixture.NewPageAsync();
            await guest.RegisterAndVerifyAsync(fixture, email, name);
            await guest.SignInAsync(email);
            guests.Add(guest);
        }

        var videoId = await host.UploadVideoAsync(await clip, $"Party pattern {Guid.NewGuid():N}"[..26]);

        // The host starts a party in which only the host controls playback, and shares the invite link.
        await host.GotoAsync($"videos/{videoId}");
        await host.ClickAsync("[data-testid=start-party-submit]");
        await host.WaitForURLAsync(PartyPage());
        var invite = await host.InputValueAsync("[data-testid=invite-link]");
        Assert.Matches("/party/[A-Za-z0-9_-]{24}$", invite);
        foreach (var guest in guests)
        {
            await guest.GotoAsync(invite);
            await guest.ClickAsync("[data-testid=join-party]");
            await guest.WaitForURLAsync(PartyPage());
        }

        IReadOnlyList<IPage> pages = [host, .. guests];
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("[data-party][data-connected=true]");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-members] li').length === 3");
        }

        Assert.Equal("You control playback", await host.TextContentAsync("[data-testid=control]"));
        Assert.Equal("Administrator controls playback", await guests[0].TextContentAsync("[data-testid=control]"));
        Assert.True(await guests[0].IsDisabledAsync("[data-play]"));

        // Play: every page starts at the same scheduled moment.
        await host.ClickAsync("[data-play]");
        foreach (var page in pages)
        {
            await page.WaitForPlaybackPastAsync(1);
        }

        var afterPlay = await SettledSpreadAsync(pages);
        await host.ScreenshotAsync("party-host");

        // Seek: everyone loads the new position, the group waits until all have it, then plays on together.
        await host.EvaluateAsync("""
            () => {
                const seek = document.querySelector('[data-seek]');
                seek.value = '20';
                seek.dispatchEvent(new Event('change', { bubbles: true }));
            }
            """);
        foreach (var page in pages)
        {
            await page.WaitForPlaybackPastAsync(21);
        }

        var afterSeek = await SettledSpreadAsync(pages);
        TestContext.Current.TestOutputHelper?.WriteLine($"spread after play {afterPlay:0.0} ms, after seek {afterSeek:0.0} ms");
        Assert.InRange(afterPlay, 0, MaxSpreadMs);
        Assert.InRange(afterSeek, 0, MaxSpreadMs);
        foreach (var page in pages)
        {
            try
            {
                await page.WaitForSelectorAsync("[data-testid=sync][data-state=in-sync]", new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"A page does not show 'in sync': {await page.EvaluateAsync<string>(
                    "() => `${document.querySelector('[data-sync]').outerHTML} ${document.querySelector('[data-members]').innerText}`")}");
            }
        }

        // A guest's message reaches every page.
        var text = $"Hello from Gus {Guid.NewGuid():N}"[..22];
        await guests[0].FillAsync("[data-testid=chat-input]", text);
        await guests[0].ClickAsync("[data-testid=chat-send]");
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync($"[data-testid=messages] li:has-text('{text}')");
        }

        await guests[1].ScreenshotAsync("party-guest");
    }

    public void Dispose() => _media.Dispose();

    /// <summary>
    /// The largest difference between the pages' video positions, brought to one instant: each page reports its
    /// position with the time it read it (the pages share the machine's clock), and the positions are advanced at each
    /// video's rate to the latest of those times. Waits (up to 15 s) until three readings in a row agree within
    /// <see cref="MaxSpreadMs"/>, as members' players settle after a command; returns the last spread measured.
    /// </summary>
    private static async Task<double> SettledSpreadAsync(IReadOnlyList<IPage> pages)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var agreeing = 0;
        double spread;
        do
        {
            var readings = new List<double[]>();
            foreach (var page in pages)
            {
                readings.Add(await page.EvaluateAsync<double[]>(
                    "() => { const video = document.querySelector('[data-player] video'); return [video.currentTime, performance.timeOrigin + performance.now(), video.paused ? 0 : video.playbackRate]; }"));
            }

            var instant = readings.Max(reading => reading[1]);
            var positions = readings.Select(reading => reading[0] * 1000 + (instant - reading[1]) * reading[2]).ToList();
            spread = positions.Max() - positions.Min();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"positions {string.Join(", ", positions.Select(position => (position / 1000).ToString("0.000", CultureInfo.InvariantCulture)))} s, spread {spread:0.0} ms");
            agreeing = spread <= MaxSpreadMs ? agreeing + 1 : 0;
            await Task.Delay(250);
        }
        while (agreeing < 3 && DateTime.UtcNow < deadline);

        return spread;
    }

    [GeneratedRegex(@"/parties/[0-9a-f]{32}$")]
    private static partial Regex PartyPage();
}
