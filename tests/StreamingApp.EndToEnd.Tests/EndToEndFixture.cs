using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamingApp.EndToEnd.Tests;

/// <summary>
/// The whole application started once through the AppHost (random ports, no containers, a throw-away data folder),
/// with a bootstrap admin, the Api placing every viewer in <see cref="ViewerCountry"/>, a test clip made with ffmpeg,
/// and Debian's Chromium driven by Playwright (offline: the browser is the system one, never downloaded).
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@streamingapp.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string ViewerCountry = "SE";
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly TemporaryDirectory _data = new("e2e");
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application has not started.");

    public IBrowser Browser { get; private set; } = default!;

    public Uri FrontendUrl { get; private set; } = default!;

    public Mailbox Mailbox { get; private set; } = default!;

    /// <summary>A 6-second 640x360 H.264/AAC clip generated for this run.</summary>
    public string ClipPath { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var clip = TestClip.CreateAsync(_data.Combine("clip.mp4"), timeout.Token);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.StreamingApp_AppHost>(
            [$"--DataDirectory={_data.Combine("app")}", "--StreamingApp:Containers=off"], timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("System.Net.Http", LogLevel.None)
            .AddFilter("Polly", LogLevel.None));
        Project(builder, "auth")
            .WithEnvironment("Auth__BootstrapAdmin__Email", AdminEmail)
            .WithEnvironment("Auth__BootstrapAdmin__Password", AdminPassword);
        Project(builder, "api").WithEnvironment("Region__DefaultCountry", ViewerCountry);

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "auth", "api", "frontend" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        FrontendUrl = _app.GetEndpoint("frontend", "http");
        Mailbox = new Mailbox(_data.Combine("app", "auth", "mail"));
        ClipPath = await clip;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A fresh browser profile (its own cookies), as a separate person or device would have.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = FrontendUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Generous: on a loaded CI machine a server-rendered page behind three services can take tens of seconds.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        // Browser-side problems (script errors, refused requests) end up in the test output of a failing test.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                TestContext.Current.SendDiagnosticMessage($"browser {message.Type}: {message.Text}");
                Console.Error.WriteLine($"browser {message.Type}: {message.Text}");
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }

    private static IResourceBuilder<ProjectResource> Project(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "EndToEnd";
}
