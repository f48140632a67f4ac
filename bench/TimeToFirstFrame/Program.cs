using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// Time to first frame: navigation start until the video element fires `playing`, for StreamingApp's player page
// and for a bare hls.js page on nginx playing the same HLS files, alternating, in one run.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
// --details prints where the time of one more load of each page went (document, scripts, playlists, segments).
var details = args.Contains("--details");
var work = Directory.CreateTempSubdirectory("streamingapp-ttff-");
const string AdminEmail = "bench@streamingapp.test";
const string AdminPassword = "benchmark passphrase, not secret";

try
{
    Console.WriteLine("Generating a 20 s 720p clip...");
    var clip = Path.Combine(work.FullName, "clip.mp4");
    await RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-movflags", "+faststart", clip]);

    Console.WriteLine("Starting the application...");
    var data = Path.Combine(work.FullName, "app");
    var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>([$"--DataDirectory={data}", "--StreamingApp:Containers=off"]);
    builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
        .AddFilter("System.Net.Http", LogLevel.None).AddFilter("Polly", LogLevel.None));
    builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "auth"))
        .WithEnvironment("Auth__BootstrapAdmin__Email", AdminEmail)
        .WithEnvironment("Auth__BootstrapAdmin__Password", AdminPassword);
    await using var app = await builder.BuildAsync();
    await app.StartAsync();
    foreach (var resource in new[] { "auth", "api", "frontend" })
    {
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
    }

    var videoId = await UploadAsync(app, clip);
    // 127.0.0.1 like nginx: "localhost" makes Chromium try ::1 first and costs a connection fallback per socket.
    var frontend = new UriBuilder(app.GetEndpoint("frontend", "http")) { Host = "127.0.0.1" }.Uri;
    var mediaFolder = Directory.GetDirectories(Path.Combine(data, "api", "blobs", "media", videoId)).Single();

    Console.WriteLine("Starting nginx with the bare hls.js page...");
    var hlsScript = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "StreamingApp.Frontend", "wwwroot", "lib", "hls.js", "hls.light.min.js");
    await using var nginx = await Nginx.StartAsync(work.FullName, mediaFolder, Path.GetFullPath(hlsScript));

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required"],
    });
    var session = await SignInAsync(browser, frontend);

    var appPage = new Uri(frontend, $"watch/{videoId}");
    var barePage = new Uri($"http://127.0.0.1:{nginx.Port}/index.html");
    // One unmeasured load of each warms the servers' caches, as a visitor after the first would find them.
    await MeasureAsync(browser, appPage, session);
    await MeasureAsync(browser, barePage, null);

    var appTimes = new List<double>();
    var bareTimes = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var (first, second) = run % 2 == 1 ? (appPage, barePage) : (barePage, appPage);
        foreach (var page in new[] { first, second })
        {
            var milliseconds = await MeasureAsync(browser, page, page == appPage ? session : null);
            (page == appPage ? appTimes : bareTimes).Add(milliseconds);
        }

        Console.WriteLine($"run {run}: StreamingApp {appTimes[^1]:F0} ms, bare hls.js on nginx {bareTimes[^1]:F0} ms");
    }

    if (details)
    {
        foreach (var page in new[] { appPage, barePage })
        {
            Console.WriteLine();
            Console.WriteLine($"Timeline of one load of {page}:");
            Console.WriteLine(await TimelineAsync(browser, page, page == appPage ? session : null));
        }
    }

    var appMedian = Median(appTimes);
    var bareMedian = Median(bareTimes);
    Console.WriteLine();
    Console.WriteLine($"Time to first frame, median of {runs} runs each (alternating):");
    Console.WriteLine($"  StreamingApp player page:  {appMedian:F0} ms");
    Console.WriteLine($"  bare hls.js page on nginx: {bareMedian:F0} ms");
    Console.WriteLine($"  ratio:                     {appMedian / bareMedian:F2}x");
    await app.StopAsync();
}
finally
{
    try
    {
        work.Delete(recursive: true);
    }
    catch (IOException)
    {
        // A process may still hold a file; the temp folder is cleaned by the system eventually.
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Navigation start (performance.now() is measured from it) until the first `playing` event of any video element,
// caught in the capture phase so it is seen whenever the player inserts its element. Fresh context each time: no
// HTTP cache, as on a first visit.
static async Task<double> MeasureAsync(IBrowser browser, Uri page, string? storageState)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = storageState });
    var tab = await PlayAsync(context, page);
    return await tab.EvaluateAsync<double>("() => window.__firstFrame");
}

static async Task<IPage> PlayAsync(IBrowserContext context, Uri page)
{
    await context.AddInitScriptAsync("document.addEventListener('playing', () => { window.__firstFrame ??= performance.now(); }, { capture: true });");
    var tab = await context.NewPageAsync();
    await tab.GotoAsync(page.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await tab.WaitForFunctionAsync("() => window.__firstFrame !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
    return tab;
}

static async Task<string> TimelineAsync(IBrowser browser, Uri page, string? storageState)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = storageState });
    var tab = await PlayAsync(context, page);
    return await tab.EvaluateAsync<string>("""
        () => {
          const n = performance.getEntriesByType('navigation')[0];
          const lines = [`  document: request ${n.requestStart.toFixed(0)} ms, first byte ${n.responseStart.toFixed(0)} ms, end ${n.responseEnd.toFixed(0)} ms, DOMContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)} ms`];
          for (const r of performance.getEntriesByType('resource')) {
            lines.push(`  ${r.startTime.toFixed(0).padStart(5)} -> ${r.responseEnd.toFixed(0).padStart(5)} ms  ${r.name.split('?')[0].split('/').slice(-2).join('/')}`);
          }
          lines.push(`  playing at ${window.__firstFrame.toFixed(0)} ms`);
          return lines.join('\n');
        }
        """);
}

static async Task<string> SignInAsync(IBrowser browser, Uri frontend)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = frontend.ToString() });
    var page = await context.NewPageAsync();
    await page.GotoAsync("account/login");
    await page.FillAsync("#login-email", AdminEmail);
    await page.FillAsync("#login-password", AdminPassword);
    await page.ClickAsync("[data-testid=sign-in]");
    await page.WaitForSelectorAsync("[data-testid=account-menu]");
    return await context.StorageStateAsync();
}

// Through the Api as the bootstrap admin (who is also a creator): create, upload, wait for processing.
static async Task<string> UploadAsync(DistributedApplication app, string clip)
{
    using var auth = app.CreateHttpClient("auth");
    using var login = await auth.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
    login.EnsureSuccessStatusCode();
    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    using var api = app.CreateHttpClient("api");
    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    using var created = await api.PostAsJsonAsync("/api/videos", new { title = "Benchmark clip", genre = "Documentary", visibility = "unlisted" });
    created.EnsureSuccessStatusCode();
    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    await using (var file = File.OpenRead(clip))
    {
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        using var uploaded = await api.PutAsync($"/api/videos/{id}/source", content);
        uploaded.EnsureSuccessStatusCode();
    }

    Console.WriteLine("Waiting for processing...");
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(5))
    {
        var video = await api.GetFromJsonAsync<JsonElement>($"/api/videos/{id}");
        switch (video.GetProperty("status").GetString())
        {
            case "ready":
                Console.WriteLine($"Ready after {clock.Elapsed.TotalSeconds:F0} s with {video.GetProperty("renditions").GetArrayLength()} renditions.");
                return id;
            case "failed":
                throw new InvalidOperationException($"Processing failed: {video.GetProperty("failureReason")}");
        }

        await Task.Delay(1000);
    }

    throw new TimeoutException("The clip was not processed within 5 minutes.");
}

static async Task RunAsync(string file, IEnumerable<string> arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
    var errors = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} failed: {errors}");
    }
}
