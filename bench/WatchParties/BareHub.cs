using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace WatchParties;

/// <summary>
/// The reference: a minimal hub that does nothing but broadcast a message of the same shape and size as a party's
/// playback state to a group, stamped with the server time just before sending. Same SignalR, same JSON protocol,
/// same backplane when BARE_REDIS is set; no authentication, no store, no rules.
/// </summary>
public static class BareHubServer
{
    public static int Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var signalR = builder.Services.AddSignalR();
        if (Environment.GetEnvironmentVariable("BARE_REDIS") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("bench-bare"));
        }

        var app = builder.Build();
        app.MapGet("/alive", () => "ok");
        app.MapHub<BareHub>("/hubs/bare");
        app.Run();
        return 0;
    }
}

public sealed class BareHub : Hub
{
    private const string IssuerId = "0192f0c0ffee7000800000000000beef";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Broadcast(string group, long revision)
    {
        var now = UnixMilliseconds(DateTimeOffset.UtcNow);
        var state = revision % 2 == 1 ? "playing" : "paused";
        return Clients.Group(group).SendAsync("PlaybackChanged", new BarePlayback(
            state, revision % 2 == 1 ? "play" : "pause", 12.345, now + 250, 1, revision, IssuerId, null, [], revision + 1000, UnixMilliseconds(DateTimeOffset.UtcNow)));
    }

    private static double UnixMilliseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}

/// <summary>Field for field what the party hub sends as its playback state.</summary>
public sealed record BarePlayback(
    string State, string Command, double PositionSeconds, double AtServerTime, double Rate, long Revision,
    string? IssuedBy, double? WaitDeadline, IReadOnlyList<string> WaitingFor, long Version, double ServerTime);
