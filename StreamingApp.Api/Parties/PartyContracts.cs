using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Parties;

/// <summary>A party as its members see it. Times used for synchronization are Unix milliseconds on the server's clock.</summary>
public sealed record PartyView(
    string Id, string VideoId, double? VideoDurationSeconds, string InviteCode, string InviteUrl, PartyControlMode ControlMode,
    PlaybackView Playback, IReadOnlyList<MemberView> Members, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt, PartyEndReason? EndReason, long Version, double ServerTime);

/// <summary>
/// The group's playback: at <see cref="AtServerTime"/> the video is at <see cref="PositionSeconds"/>, advancing by
/// <see cref="Rate"/> while playing. <see cref="ServerTime"/> is when the server sent this copy.
/// </summary>
/// <param name="WaitingFor">While waiting: the members the group waits for.</param>
/// <param name="Version">The party's version: a client applies a state only if it is newer than the last one it applied.</param>
public sealed record PlaybackView(
    PlaybackState State, PartyCommand Command, double PositionSeconds, double AtServerTime, double Rate, long Revision,
    string? IssuedBy, double? WaitDeadline, IReadOnlyList<string> WaitingFor, long Version, double ServerTime);

public sealed record MemberView(string UserId, string DisplayName, PartyRole Role, bool Connected, MemberSync Sync);

/// <summary>How the member list changed with one write of the party (<paramref name="Version"/>).</summary>
public sealed record MembersDelta(long Version, IReadOnlyList<MemberView> Joined, IReadOnlyList<MemberView> Changed, IReadOnlyList<string> Left);

public sealed record ChatMessageView(string Id, string AuthorId, string AuthorName, string Text, DateTimeOffset SentAt, bool Deleted)
{
    public static ChatMessageView From(ChatMessage message) =>
        new(message.Id, message.AuthorId, message.AuthorName, message.Text, message.SentAt, message.Deleted);
}

public sealed record ChatPage(IReadOnlyList<ChatMessageView> Items, string? NextBefore);

public sealed record PartySettingsView(PartyControlMode ControlMode, long Version);

public sealed record PartyEndedView(PartyEndReason Reason);

/// <summary>The answer to joining a party on the hub: the party, or why the connection may not join it.</summary>
public sealed record PartyJoinResult(PartyView? Party, PartyError? Error);

/// <summary>A clock sample: the client's send time echoed back with the server's time when it answered.</summary>
public sealed record PingReply(double ClientTime, double ServerTime);

/// <summary>What a client measured: its round trip to the server and how far its player is from the group's position (positive: ahead).</summary>
public sealed record SyncReport(double RoundTripMs, double? OffsetMs);

/// <summary>Whether the player has enough media to play the group's position, as of playback <paramref name="Revision"/>.</summary>
public sealed record PlayerReport(bool Ready, long Revision);

public sealed record CreatePartyRequest(string? VideoId, string? ControlMode)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (VideoId is null || !PartyViews.IsId(VideoId))
        {
            errors["videoId"] = ["The id of a video (32 hexadecimal digits)."];
        }

        if (ControlMode is not null && !EnumNames.TryParse<PartyControlMode>(ControlMode, out _))
        {
            errors["controlMode"] = ["Either 'host' or 'everyone'."];
        }

        return errors;
    }
}

public sealed record JoinPartyRequest(string? InviteCode);

/// <summary>Turns stored parties into what members see, and builds invite links to the web UI.</summary>
public sealed class PartyViews(IOptions<PartyOptions> options, IConfiguration configuration, TimeProvider time)
{
    /// <summary>Where the web UI is when <c>Parties:InviteBaseUrl</c> is not set: the address service discovery gives the Frontend.</summary>
    public const string FrontendAddressKey = "services:frontend:http:0";

    public static bool IsId(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);

    public static double UnixMilliseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public double Now() => UnixMilliseconds(time.GetUtcNow());

    public string InviteUrl(string inviteCode) =>
        $"{(options.Value.InviteBaseUrl ?? configuration[FrontendAddressKey] ?? string.Empty).TrimEnd('/')}/party/{inviteCode}";

    public PartyView Party(Party party) => new(
        party.Id, party.VideoId, party.VideoDurationSeconds, party.InviteCode, InviteUrl(party.InviteCode), party.ControlMode,
        Playback(party), party.Members.Select(Member).ToList(), party.CreatedAt, party.ExpiresAt, party.EndedAt, party.EndReason,
        party.Version, Now());

    public PlaybackView Playback(Party party)
    {
        var playback = party.Playback;
        return new PlaybackView(
            playback.State, playback.Command, playback.PositionSeconds, UnixMilliseconds(playback.AtServerTime), playback.Rate, playback.Revision,
            playback.IssuedBy, playback.WaitDeadline is { } deadline ? UnixMilliseconds(deadline) : null,
            WaitingFor(party), party.Version, Now());
    }

    public static IReadOnlyList<string> WaitingFor(Party party) =>
        party.Playback.State == PlaybackState.Waiting ? party.NotReadyMembers().Select(member => member.UserId).ToList() : [];

    public static MemberView Member(PartyMember member) => new(member.UserId, member.DisplayName, member.Role, member.IsConnected, member.Sync);
}
