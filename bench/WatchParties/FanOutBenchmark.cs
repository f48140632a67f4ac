using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace WatchParties;

public sealed record BenchSettings(
    string AuthUrl, string AdminEmail, string AdminPassword, string Clip,
    IReadOnlyList<string> PartiesSingle, IReadOnlyList<string> PartiesPair, IReadOnlyList<string> BareSingle, IReadOnlyList<string> BarePair,
    string FrontendUrl, int Clients, int Commands, int Warmup, double CommandsPerSecond, int Rounds, int SkewPages, int SkewRounds)
{
    public static BenchSettings FromEnvironment() => new(
        Required("AUTH_URL"), Required("ADMIN_EMAIL"), Required("ADMIN_PASSWORD"), Required("CLIP"),
        Urls("PARTIES_SINGLE"), Urls("PARTIES_PAIR"), Urls("BARE_SINGLE"), Urls("BARE_PAIR"), Required("FRONTEND_URL").TrimEnd('/') + "/",
        Number("CLIENTS", 500), Number("COMMANDS", 100), Number("WARMUP", 10), Number("COMMANDS_PER_SECOND", 5), Number("ROUNDS", 2),
        Number("SKEW_PAGES", 5), Number("SKEW_ROUNDS", 5));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");

    private static string[] Urls(string name) => Required(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Number(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>
/// Command fan-out latency to many clients in one group: the StreamingApp party hub against a bare hub that only
/// broadcasts, each on one instance and on two instances sharing Redis, driven by this same client in the same run.
/// </summary>
/// <remarks>
/// Latency is measured on one clock: the server stamps <c>serverTime</c> (Unix ms from the system's real-time clock)
/// immediately before handing the message to SignalR, and each client reads the same clock when its handler starts.
/// Server and client are processes on the same machine, so there is no offset between the two readings; both see
/// the same NTP adjustments. The figure covers serialization, the backplane when there is one, the sockets, the
/// client's parsing and its wait for a thread, but not how long the server took to decide (for the party hub: the
/// store write before the broadcast); that is the separate end-to-end figure, from the controller's invocation.
/// </remarks>
public static class FanOutBenchmark
{
    /// <param name="accounts">Signed-in accounts, the first a creator (it publishes the clip and hosts the parties).</param>
    public static async Task<FanOutReport> RunAsync(BenchSettings settings, AppClient app, IReadOnlyList<Account> accounts)
    {
        var setups = new List<Setup>
        {
            new("one instance", await PartyTarget.CreateAsync(app, settings.PartiesSingle, accounts), new BareTarget(settings.BareSingle)),
            new("two instances + Redis", await PartyTarget.CreateAsync(app, settings.PartiesPair, accounts), new BareTarget(settings.BarePair)),
        };

        var results = new List<PhaseResult>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var setup in setups)
            {
                // A then B in odd rounds, B then A in even ones: drift in the machine's load hits both alike.
                foreach (var target in round % 2 == 1 ? new ITarget[] { setup.Parties, setup.Bare } : [setup.Bare, setup.Parties])
                {
                    var result = await MeasureAsync(settings, setup.Name, target, round);
                    results.Add(result);
                    Log($"round {round}, {setup.Name}, {target.Name}: fan-out p50 {result.FanOut.P50:0.0} ms, p99 {result.FanOut.P99:0.0} ms; " +
                        $"end-to-end p50 {result.EndToEnd.P50:0.0} ms, p99 {result.EndToEnd.P99:0.0} ms; {result.Missing} missing");
                }
            }
        }

        return new FanOutReport(settings, setups, results);
    }

    private static async Task<PhaseResult> MeasureAsync(BenchSettings settings, string setup, ITarget target, int round)
    {
        var total = settings.Warmup + settings.Commands;
        var clients = await target.ConnectAsync(settings.Clients, total);
        try
        {
            var baseRevision = await target.PrepareAsync(clients[0]);
            var sentAt = new double[total];
            var period = TimeSpan.FromSeconds(1 / settings.CommandsPerSecond);
            var clock = Stopwatch.StartNew();
            for (var index = 0; index < total; index++)
            {
                sentAt[index] = Now();
                await target.CommandAsync(clients[0], index, baseRevision + index + 1);
                var next = period * (index + 1) - clock.Elapsed;
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next);
                }
            }

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (clients.Any(client => client.Count < total) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var fanOut = new List<double>();
            var endToEnd = new List<double>();
            foreach (var sample in clients.SelectMany(client => client.Samples))
            {
                var index = sample.Revision - baseRevision - 1;
                if (index >= settings.Warmup && index < total)
                {
                    fanOut.Add(sample.ReceivedAt - sample.ServerTime);
                    endToEnd.Add(sample.ReceivedAt - sentAt[index]);
                }
            }

            var missing = settings.Commands * clients.Count - fanOut.Count;
            return new PhaseResult(setup, target.Name, round, Percentiles.Of(fanOut), Percentiles.Of(endToEnd), missing);
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.Hub.DisposeAsync().AsTask()));
            await target.SettleAsync();
        }
    }

    internal static double Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    internal static void Log(string message) => Console.WriteLine($"==> {message}");

    public sealed record Setup(string Name, PartyTarget Parties, ITarget Bare);
}

/// <summary>The fan-out figures of every round, printed as medians over the rounds with the party hub's ratio to the bare hub.</summary>
public sealed record FanOutReport(BenchSettings Settings, IReadOnlyList<FanOutBenchmark.Setup> Setups, IReadOnlyList<PhaseResult> Results)
{
    /// <summary>The party hub's end-to-end p99 (command invoked to message received), median over rounds, for a setup.</summary>
    public double PartyEndToEndP99(int setup) =>
        Median(Results.Where(result => result.Setup == Setups[setup].Name && result.Hub == Setups[setup].Parties.Name).Select(result => result.EndToEnd.P99));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Command fan-out to {Settings.Clients} SignalR clients in one group, {Settings.CommandsPerSecond:0.#} commands/s, " +
            $"{Settings.Commands} measured commands per run, medians over {Settings.Rounds} rounds (ms)");
        Console.WriteLine($"{"setup",-24}{"hub",-14}{"fan-out p50",12}{"p99",10}{"end-to-end p50",16}{"p99",10}{"missing",9}");
        foreach (var setup in Setups)
        {
            var parties = Results.Where(result => result.Setup == setup.Name && result.Hub == setup.Parties.Name).ToList();
            var bare = Results.Where(result => result.Setup == setup.Name && result.Hub == setup.Bare.Name).ToList();
            Row(setup.Name, "party hub", parties);
            Row(string.Empty, "bare hub", bare);
            Console.WriteLine($"{string.Empty,-24}{"ratio",-14}{Ratio(parties, bare, result => result.FanOut.P50),12:0.00}{Ratio(parties, bare, result => result.FanOut.P99),10:0.00}" +
                $"{Ratio(parties, bare, result => result.EndToEnd.P50),16:0.00}{Ratio(parties, bare, result => result.EndToEnd.P99),10:0.00}");
        }
    }

    private static void Row(string setup, string hub, IReadOnlyList<PhaseResult> runs) =>
        Console.WriteLine($"{setup,-24}{hub,-14}{Median(runs.Select(run => run.FanOut.P50)),12:0.0}{Median(runs.Select(run => run.FanOut.P99)),10:0.0}" +
            $"{Median(runs.Select(run => run.EndToEnd.P50)),16:0.0}{Median(runs.Select(run => run.EndToEnd.P99)),10:0.0}{runs.Sum(run => run.Missing),9}");

    /// <summary>The median over rounds of the two hubs' ratio within each round.</summary>
    private static double Ratio(IReadOnlyList<PhaseResult> subject, IReadOnlyList<PhaseResult> reference, Func<PhaseResult, double> value) =>
        Median(subject.Join(reference, run => run.Round, run => run.Round, (a, b) => value(a) / value(b)));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed record PhaseResult(string Setup, string Hub, int Round, Percentiles FanOut, Percentiles EndToEnd, int Missing);

public sealed record Percentiles(double P50, double P99)
{
    public static Percentiles Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN);
        }

        samples.Sort();
        return new Percentiles(At(samples, 0.50), At(samples, 0.99));
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}

/// <summary>What each client takes from a playback message: the server's stamp and the revision that says which command it answers.</summary>
public sealed record Stamp(double ServerTime, long Revision);

/// <summary>One connected client and the messages it received, recorded by its own handler (SignalR runs one connection's handlers in order).</summary>
public sealed class ClientConnection(HubConnection hub, int expected)
{
    private readonly List<Sample> _samples = new(expected);

    public HubConnection Hub => hub;

    public int Count { get; private set; }

    public IReadOnlyList<Sample> Samples => _samples;

    public void Receive(Stamp stamp)
    {
        var received = FanOutBenchmark.Now();
        _samples.Add(new Sample(stamp.Revision, stamp.ServerTime, received));
        Count++;
    }

    public sealed record Sample(long Revision, double ServerTime, double ReceivedAt);
}

public interface ITarget
{
    string Name { get; }

    Task<IReadOnlyList<ClientConnection>> ConnectAsync(int clients, int expectedMessages);

    /// <summary>Makes the next command produce revision <c>base + 1</c>; returns the base.</summary>
    Task<long> PrepareAsync(ClientConnection controller);

    Task CommandAsync(ClientConnection controller, int index, long revision);

    /// <summary>Waits until the server has finished with the clients that just left.</summary>
    Task SettleAsync();
}

/// <summary>Runs one piece of work per index, a bounded number at a time (registering accounts, connecting clients).</summary>
internal static class Bounded
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> work)
    {
        using var gate = new SemaphoreSlim(24);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                return await work(index);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}

/// <summary>The party hub: real accounts, a real party, members joined over HTTP and on the hub, ready players.</summary>
public sealed class PartyTarget(AppClient app, IReadOnlyList<string> urls, IReadOnlyList<Account> accounts, string videoId, string partyId) : ITarget
{
    public string Name => "party hub";

    public IReadOnlyList<string> Urls => urls;

    /// <summary>The published clip, ready on these instances.</summary>
    public string VideoId => videoId;

    public static async Task<PartyTarget> CreateAsync(AppClient app, IReadOnlyList<string> urls, IReadOnlyList<Account> accounts)
    {
        FanOutBenchmark.Log($"Publishing the clip and starting a party on {string.Join(" + ", urls)}");
        var videoId = await app.PublishClipAsync(urls[0], accounts[0]);
        var party = await app.PostAsync(urls[0], "/api/parties", accounts[0], new { videoId, controlMode = "host" });
        var inviteCode = party.GetProperty("inviteCode").GetString()!;
        await Bounded.RunAsync(accounts.Count - 1, index =>
            app.PostAsync(urls[(index + 1) % urls.Count], "/api/parties/join", accounts[index + 1], new { inviteCode }));
        return new PartyTarget(app, urls, accounts, videoId, party.GetProperty("id").GetString()!);
    }

    public async Task<IReadOnlyList<ClientConnection>> ConnectAsync(int clients, int expectedMessages) =>
        await Bounded.RunAsync(clients, async index =>
        {
            var account = accounts[index];
            var hub = new HubConnectionBuilder()
                .WithUrl(urls[index % urls.Count] + "/hubs/party", options => options.AccessTokenProvider = () => Task.FromResult<string?>(account.AccessToken))
                .Build();
            var client = new ClientConnection(hub, expectedMessages);
            hub.On<Stamp>("PlaybackChanged", client.Receive);
            await hub.StartAsync();
            var joined = await hub.InvokeAsync<JsonElement>("JoinParty", partyId);
            var revision = joined.GetProperty("party").GetProperty("playback").GetProperty("revision").GetInt64();
            await hub.InvokeAsync("ReportPlayer", new { ready = true, revision });
            return client;
        });

    public async Task<long> PrepareAsync(ClientConnection controller)
    {
        var playback = (await app.GetAsync(urls[0], $"/api/parties/{partyId}", accounts[0])).GetProperty("playback");
        if (playback.GetProperty("state").GetString() is "playing" or "waiting")
        {
            await controller.Hub.InvokeAsync("Pause");
            return await PrepareAsync(controller);
        }

        return playback.GetProperty("revision").GetInt64();
    }

    public Task CommandAsync(ClientConnection controller, int index, long revision) => controller.Hub.InvokeAsync(index % 2 == 0 ? "Play" : "Pause");

    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var members = (await app.GetAsync(urls[0], $"/api/parties/{partyId}", accounts[0])).GetProperty("members");
            if (!members.EnumerateArray().Any(member => member.GetProperty("connected").GetBoolean()))
            {
                return;
            }

            await Task.Delay(500);
        }
    }
}

/// <summary>The bare hub: anonymous clients in one group, broadcasts on request.</summary>
public sealed class BareTarget(IReadOnlyList<string> urls) : ITarget
{
    private const string Group = "bench";

    public string Name => "bare hub";

    public async Task<IReadOnlyList<ClientConnection>> ConnectAsync(int clients, int expectedMessages) =>
        await Bounded.RunAsync(clients, async index =>
        {
            var hub = new HubConnectionBuilder().WithUrl(urls[index % urls.Count] + "/hubs/bare").Build();
            var client = new ClientConnection(hub, expectedMessages);
            hub.On<Stamp>("PlaybackChanged", client.Receive);
            await hub.StartAsync();
            await hub.InvokeAsync("Join", Group);
            return client;
        });

    public Task<long> PrepareAsync(ClientConnection controller) => Task.FromResult(0L);

    public Task CommandAsync(ClientConnection controller, int index, long revision) => controller.Hub.InvokeAsync("Broadcast", Group, revision);

    public Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(2));
}

public sealed record Account(string Id, string Email, string AccessToken);

/// <summary>The HTTP calls the benchmark makes to Auth and the Api, as a browser session would through the web UI.</summary>
public sealed class AppClient(BenchSettings settings) : IDisposable
{
    public const string Password = "bench-party-member-password-42";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>New accounts (Auth runs with email verification off for the benchmark), signed in.</summary>
    public Task<Account[]> CreateAccountsAsync(int count) => Bounded.RunAsync(count, async index =>
    {
        var email = $"member-{index}-{Guid.NewGuid():N}@bench.invalid";
        var registered = await PostAsync(settings.AuthUrl, "/api/auth/register", null, new { email, password = Password, displayName = $"Member {index}" });
        return await LoginAsync(registered.GetProperty("id").GetString()!, email);
    });

    private async Task<Account> LoginAsync(string id, string email)
    {
        var tokens = await PostAsync(settings.AuthUrl, "/api/auth/login", null, new { email, password = Password });
        return new Account(id, email, tokens.GetProperty("accessToken").GetString()!);
    }

    public async Task<Account> MakeCreatorAsync(Account account)
    {
        var admin = await PostAsync(settings.AuthUrl, "/api/auth/login", null, new { email = settings.AdminEmail, password = settings.AdminPassword });
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{settings.AuthUrl}/api/auth/users/{account.Id}/roles")
        {
            Content = JsonContent.Create(new { roles = new[] { "creator" } }),
        };
        request.Headers.Authorization = new("Bearer", admin.GetProperty("accessToken").GetString());
        using var response = await _http.SendAsync(request);
        await EnsureAsync(response);
        return await LoginAsync(account.Id, account.Email);
    }

    /// <summary>Uploads the clip as a new video and waits until it is ready; its id.</summary>
    public async Task<string> PublishClipAsync(string apiUrl, Account creator)
    {
        var video = await PostAsync(apiUrl, "/api/videos", creator, new { title = "Watch party benchmark", description = "Benchmark clip", genre = "Documentary" });
        var id = video.GetProperty("id").GetString()!;
        await using var clip = File.OpenRead(settings.Clip);
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"{apiUrl}/api/videos/{id}/source") { Content = new StreamContent(clip) };
        upload.Content.Headers.ContentType = new("video/mp4");
        upload.Headers.Authorization = new("Bearer", creator.AccessToken);
        using (var response = await _http.SendAsync(upload))
        {
            await EnsureAsync(response);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while ((await GetAsync(apiUrl, $"/api/videos/{id}", creator)).GetProperty("status").GetString() != "ready")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Video {id} was not ready within 10 minutes.");
            }

            await Task.Delay(500);
        }

        return id;
    }

    public async Task<JsonElement> PostAsync(string baseUrl, string path, Account? caller, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = JsonContent.Create(body) };
        return await SendAsync(request, caller);
    }

    public async Task<JsonElement> GetAsync(string baseUrl, string path, Account caller) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, baseUrl + path), caller);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, Account? caller)
    {
        using (request)
        {
            if (caller is not null)
            {
                request.Headers.Authorization = new("Bearer", caller.AccessToken);
            }

            using var response = await _http.SendAsync(request);
            await EnsureAsync(response);
            return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
