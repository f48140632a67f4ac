using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StreamingApp.Api.Parties;

namespace StreamingApp.Api.Tests.Parties;

/// <summary>
/// The Api on Kestrel at a free loopback port, because SignalR clients need real sockets. Members are real accounts
/// of the real Auth; each gets an HTTP client and hub connections with its access token in the Authorization header.
/// </summary>
public abstract class KestrelApiFactory : ApiFactory
{
    private readonly int _port = FreePort.Next();

    protected KestrelApiFactory(AuthServer? sharedAuth = null)
        : base(sharedAuth)
    {
    }

    public string Address => $"http://127.0.0.1:{_port}";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(_port);
        StartServer();
    }

    /// <summary>A ready, public video of <paramref name="ownerId"/>, written straight to the catalog: parties need no real media.</summary>
    public async Task<Video> ReadyVideoAsync(string ownerId, IReadOnlyList<string>? allowedCountries = null, double durationSeconds = 600)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7().ToString("N");
        var video = new Video
        {
            Id = id,
            OwnerId = ownerId,
            Title = "Watched together",
            Status = VideoStatus.Ready,
            MediaPrefix = $"media/{id}/v1/",
            DurationSeconds = durationSeconds,
            AllowedCountries = allowedCountries ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = now,
        };
        return (await Services.GetRequiredService<IVideoStore>().CreateAsync(video, TestContext.Current.CancellationToken))!;
    }

    public async Task<PartyMemberClient> NewMemberAsync(string? roles = null)
    {
        var account = await Auth.CreateAccountAsync(roles is null ? [] : [roles]);
        return new PartyMemberClient(this, account.Id, account.AccessToken);
    }
}

/// <summary>One Api with a fake clock (waits, timeouts and chat windows advance only when a test says so) and a GeoIP database placing one range in Germany and one in France.</summary>
public sealed class PartyApiFactory : KestrelApiFactory
{
    public const int MaxMembers = 4;
    public static readonly IPAddress GermanClient = IPAddress.Parse("203.0.113.20");
    public static readonly IPAddress FrenchClient = IPAddress.Parse("192.0.2.20");

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    private string GeoIpPath => Path.Combine(DataDirectory, "countries.mmdb");

    public override async ValueTask InitializeAsync()
    {
        await GeoIpDatabase.WriteAsync(GeoIpPath, new Dictionary<string, string> { ["203.0.113.0/24"] = "DE", ["192.0.2.0/24"] = "FR" });
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Region:GeoIpDatabase"] = GeoIpPath,
        ["Parties:MaxMembers"] = MaxMembers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Parties:InviteBaseUrl"] = "http://frontend.test",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>Moves the fake clock forward in steps until <paramref name="condition"/> holds, giving the sweeper a moment after each step.</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, int maxSteps)
    {
        for (var taken = 0; !condition(); taken++)
        {
            Assert.True(taken < maxSteps, $"Nothing happened within {maxSteps} steps of {step}.");
            Time.Advance(step);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>A member as a test drives it: HTTP calls with its token, and hub connections that record every event they receive.</summary>
public sealed class PartyMemberClient(KestrelApiFactory api, string userId, string accessToken) : IAsyncDisposable
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly List<PartyConnectionClient> _connections = [];

    public string UserId => userId;

    public string AccessToken => accessToken;

    public HttpClient Http { get; } = new HttpClient { BaseAddress = new Uri(api.Address), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };

    public async Task<PartyView> CreatePartyAsync(string videoId, string controlMode = "host")
    {
        using var response = await Http.PostAsJsonAsync("/api/parties", new { videoId, controlMode }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PartyView>(Json, Cancellation))!;
    }

    public async Task<HttpResponseMessage> JoinAsync(string inviteCode) =>
        await Http.PostAsJsonAsync("/api/parties/join", new { inviteCode }, Cancellation);

    /// <summary>Joins over HTTP with the invite code, then connects and joins on the hub.</summary>
    public async Task<PartyConnectionClient> JoinAndConnectAsync(PartyView party)
    {
        using var joined = await JoinAsync(party.InviteCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        return await ConnectAsync(party.Id);
    }

    /// <summary>A new hub connection of this member, joined to the party.</summary>
    public async Task<PartyConnectionClient> ConnectAsync(string partyId)
    {
        var connection = await OpenAsync();
        var joined = await connection.JoinAsync(partyId);
        Assert.True(joined.Error is null, $"Joining party {partyId} was refused: {joined.Error}");
        return connection;
    }

    /// <summary>Why a new hub connection of this member may not join the party.</summary>
    public async Task<string> RefusedCodeAsync(string partyId)
    {
        var connection = await OpenAsync();
        var joined = await connection.JoinAsync(partyId);
        return Assert.IsType<PartyError>(joined.Error).Code;
    }

    /// <summary>A new hub connection that has not joined any party yet.</summary>
    public async Task<PartyConnectionClient> OpenAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(api.Address + PartyHub.Path, options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        var connection = new PartyConnectionClient(hub);
        await hub.StartAsync(Cancellation);
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        Http.Dispose();
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>One hub connection and everything it received, in order.</summary>
public sealed class PartyConnectionClient : IAsyncDisposable
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly List<object> _received = [];

    public PartyConnectionClient(HubConnection hub)
    {
        Hub = hub;
        Record<PlaybackView>(nameof(IPartyClient.PlaybackChanged));
        Record<MembersDelta>(nameof(IPartyClient.MembersChanged));
        Record<PartySettingsView>(nameof(IPartyClient.SettingsChanged));
        Record<ChatMessageView>(nameof(IPartyClient.MessageReceived));
        Record<string>(nameof(IPartyClient.MessageDeleted));
        Record<PartyEndedView>(nameof(IPartyClient.PartyEnded));
        hub.On<PartyError>(nameof(IPartyClient.RemovedFromParty), removed => Add(new Removal(removed)));
        Record<PartyError>(nameof(IPartyClient.Error));
    }

    public HubConnection Hub { get; }

    public PartyView? Joined { get; private set; }

    public async Task<PartyJoinResult> JoinAsync(string partyId)
    {
        var result = await Hub.InvokeAsync<PartyJoinResult>(nameof(PartyHub.JoinParty), partyId, Cancellation);
        Joined = result.Party;
        return result;
    }

    public Task InvokeAsync(string method, params object?[] arguments) => Hub.InvokeCoreAsync(method, arguments, Cancellation);

    public Task ReadyAsync(long revision) => InvokeAsync(nameof(PartyHub.ReportPlayer), new PlayerReport(true, revision));

    public Task BufferingAsync(long revision) => InvokeAsync(nameof(PartyHub.ReportPlayer), new PlayerReport(false, revision));

    public IReadOnlyList<T> All<T>()
    {
        lock (_received)
        {
            return _received.OfType<T>().ToList();
        }
    }

    /// <summary>The first event of type <typeparamref name="T"/> received so far that matches, waiting for it up to a few seconds.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (All<T>().FirstOrDefault(item => match?.Invoke(item) ?? true) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No matching {typeof(T).Name} arrived; received: {string.Join(", ", All<object>())}");
            await Task.Delay(20, Cancellation);
        }
    }

    public Task<PlaybackView> WaitForPlaybackAsync(PlaybackState state, PartyCommand? command = null) =>
        WaitForAsync<PlaybackView>(playback => playback.State == state && (command is null || playback.Command == command));

    public Task<PartyError> WaitForErrorAsync(string code) => WaitForAsync<PartyError>(error => error.Code == code);

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    private void Record<T>(string method) => Hub.On<T>(method, Add);

    private void Add<T>(T item)
    {
        lock (_received)
        {
            _received.Add(item!);
        }
    }
}

/// <summary>A <see cref="IPartyClient.RemovedFromParty"/> event, told apart from other errors.</summary>
public sealed record Removal(PartyError Reason);
