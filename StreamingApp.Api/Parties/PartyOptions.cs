using Microsoft.Extensions.Options;
using StreamingApp.Api.Extensions;

namespace StreamingApp.Api.Parties;

public sealed class PartyOptions
{
    public const string SectionName = "Parties";

    /// <summary>Members a party admits, the host included.</summary>
    public int MaxMembers { get; set; } = 50;

    /// <summary>Base of invite links (the web UI's address); unset: the Frontend found through service discovery, else relative links.</summary>
    public string? InviteBaseUrl { get; set; }

    /// <summary>A party ends this long after its last activity (a command, a join, a chat message).</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long an ended party (and its chat) is kept so members see that it ended, not that it never existed.</summary>
    public TimeSpan EndedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest the group waits for a member loading the video for the first time.</summary>
    public TimeSpan FirstLoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest the group waits for a member that ran out of buffer or is loading a new position.</summary>
    public TimeSpan RebufferTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Commands take effect at least this far ahead, so they reach every member before they apply.</summary>
    public TimeSpan MinScheduleLead { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Commands take effect at most this far ahead, whatever one member's round trip.</summary>
    public TimeSpan MaxScheduleLead { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long a host may stay disconnected before the seat passes to a connected member.</summary>
    public TimeSpan HostGracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A connection that shows no sign of life this long (its Api instance died) no longer counts as present.</summary>
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often each instance looks for waits that timed out and parties that expired.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Chat messages a member may send within <see cref="ChatWindow"/>.</summary>
    public int ChatMessagesPerWindow { get; set; } = 5;

    public TimeSpan ChatWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of the Redis channels of the SignalR backplane, so deployments can share one Redis.</summary>
    public string RedisChannelPrefix { get; set; } = "streamingapp";
}

internal sealed class PartyOptionsValidator : IValidateOptions<PartyOptions>
{
    public ValidateOptionsResult Validate(string? name, PartyOptions options)
    {
        var errors = new List<string>();
        errors.Require(options.MaxMembers is >= 2 and <= 10_000, "Parties:MaxMembers must be between 2 and 10000.");
        errors.Require(options.InviteBaseUrl is null || Uri.TryCreate(options.InviteBaseUrl, UriKind.Absolute, out _),
            "Parties:InviteBaseUrl must be an absolute URL.");
        errors.Require(options.IdleLifetime >= TimeSpan.FromMinutes(1), "Parties:IdleLifetime must be at least a minute.");
        errors.Require(options.EndedRetention >= TimeSpan.Zero, "Parties:EndedRetention must not be negative.");
        errors.Require(options.FirstLoadTimeout > TimeSpan.Zero && options.RebufferTimeout > TimeSpan.Zero,
            "Parties:FirstLoadTimeout and Parties:RebufferTimeout must be positive.");
        errors.Require(options.MinScheduleLead >= TimeSpan.Zero && options.MaxScheduleLead >= options.MinScheduleLead,
            "Parties:MinScheduleLead must not be negative nor longer than Parties:MaxScheduleLead.");
        errors.Require(options.HostGracePeriod >= TimeSpan.Zero, "Parties:HostGracePeriod must not be negative.");
        errors.Require(options.ConnectionTimeout >= TimeSpan.FromSeconds(30), "Parties:ConnectionTimeout must be at least 30 seconds.");
        errors.Require(options.SweepInterval > TimeSpan.Zero, "Parties:SweepInterval must be positive.");
        errors.Require(options.ChatMessagesPerWindow >= 1 && options.ChatWindow > TimeSpan.Zero,
            "Parties:ChatMessagesPerWindow and Parties:ChatWindow must be positive.");
        errors.Require(!string.IsNullOrWhiteSpace(options.RedisChannelPrefix), "Parties:RedisChannelPrefix is empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
