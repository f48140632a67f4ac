using System.Net;
using System.Text.Json;
using StreamingApp.Api.Parties;

namespace StreamingApp.Api.Tests.Parties;

/// <summary>An Api instance of a cluster: the shared database file and blob folder, the shared Auth, Redis as the backplane, short waits.</summary>
public sealed class PartyInstance(AuthServer auth, string dataDirectory, string redis) : KestrelApiFactory(auth)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataDirectory"] = dataDirectory,
        ["ConnectionStrings:redis"] = redis,
        ["Parties:FirstLoadTimeout"] = "00:00:02",
        ["Parties:RebufferTimeout"] = "00:00:02",
        ["Parties:SweepInterval"] = "00:00:00.200",
        ["Media:Worker:Enabled"] = "false",
    };
}

/// <summary>A real redis-server and two Api instances behind it, as two replicas behind a load balancer.</summary>
public sealed class PartyCluster : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("api-cluster");
    private readonly RedisServer _redis = new();

    public AuthServer Auth { get; private set; } = null!;

    public PartyInstance First { get; private set; } = null!;

    public PartyInstance Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        Auth = await AuthServer.StartAsync();
        First = await StartInstanceAsync();
        Second = await StartInstanceAsync();
    }

    /// <summary>Another instance of the cluster; the caller disposes it.</summary>
    public async Task<PartyInstance> StartInstanceAsync()
    {
        var instance = new PartyInstance(Auth, _data.Path, _redis.ConnectionString);
        await instance.InitializeAsync();
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Auth.DisposeAsync();
        await _redis.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

/// <summary>Members connected to different instances, with the state in the shared database and messages through Redis.</summary>
public sealed class PartyScaleOutTests(PartyCluster cluster) : IClassFixture<PartyCluster>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_on_different_instances_receive_each_others_commands_presence_and_messages()
    {
        await using var host = await cluster.First.NewMemberAsync();
        await using var guest = await cluster.Second.NewMemberAsync();
        var video = await cluster.First.ReadyVideoAsync(host.UserId);
        var party = await host.CreatePartyAsync(video.Id, "everyone");
        var onFirst = await host.ConnectAsync(party.Id);

        var onSecond = await guest.JoinAndConnectAsync(party);

        await onFirst.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == guest.UserId && member.Connected));
        await onFirst.ReadyAsync(0);
        await onSecond.ReadyAsync(0);
        await onFirst.WaitForAsync<MembersDelta>(delta => delta.Changed.Any(member => member.UserId == guest.UserId && member.Sync == MemberSync.Ready));
        await onFirst.InvokeAsync(nameof(PartyHub.Play));
        var played = await onSecond.WaitForPlaybackAsync(PlaybackState.Playing);
        Assert.Equal(host.UserId, played.IssuedBy);

        await onSecond.InvokeAsync(nameof(PartyHub.Seek), 30.0);
        Assert.Equal(30, (await onFirst.WaitForPlaybackAsync(PlaybackState.Waiting, PartyCommand.Seek)).PositionSeconds);
        await onSecond.InvokeAsync(nameof(PartyHub.SendMessage), "hello from the other replica");
        Assert.Equal(guest.UserId, (await onFirst.WaitForAsync<ChatMessageView>()).AuthorId);

        cluster.Second.RemoteAddress = IPAddress.Loopback;
        using var health = JsonDocument.Parse(await cluster.Second.CreateClient().GetStringAsync("/health", Cancellation));
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wait_started_on_an_instance_that_goes_away_is_ended_once_by_another_instance()
    {
        await using var doomed = await cluster.StartInstanceAsync();
        await using var host = await doomed.NewMemberAsync();
        await using var ready = await cluster.Second.NewMemberAsync();
        await using var loading = await cluster.Second.NewMemberAsync();
        var video = await doomed.ReadyVideoAsync(host.UserId);
        var party = await host.CreatePartyAsync(video.Id);
        var hostConnection = await host.ConnectAsync(party.Id);
        var watcher = await ready.JoinAndConnectAsync(party);
        await loading.JoinAndConnectAsync(party);
        await hostConnection.ReadyAsync(0);
        await watcher.ReadyAsync(0);

        await hostConnection.InvokeAsync(nameof(PartyHub.Play));
        var waiting = await watcher.WaitForPlaybackAsync(PlaybackState.Waiting);
        Assert.Equal([loading.UserId], waiting.WaitingFor);
        await doomed.DisposeAsync();

        var playing = await watcher.WaitForPlaybackAsync(PlaybackState.Playing);
        Assert.Null(playing.IssuedBy);
        Assert.True(playing.ServerTime >= waiting.WaitDeadline!.Value);
        // Both remaining instances sweep; the versioned write lets only one of them announce it.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Single(watcher.All<PlaybackView>(), playback => playback.Revision == playing.Revision);
    }
}
