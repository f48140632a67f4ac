using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Parties;

/// <summary>Why a party action was refused: a stable code (the problem type's slug over HTTP) and the HTTP status it maps to.</summary>
public sealed record PartyError(string Code, string Message, int Status)
{
    public static readonly PartyError NotFound = new("not-found", "The party does not exist or you are not a member.", StatusCodes.Status404NotFound);
    public static readonly PartyError MemberNotFound = new("member-not-found", "That account is not a member of the party.", StatusCodes.Status404NotFound);
    public static readonly PartyError MessageNotFound = new("message-not-found", "The party has no such message.", StatusCodes.Status404NotFound);
    public static readonly PartyError Ended = new("party-ended", "The party has ended.", StatusCodes.Status410Gone);
    public static readonly PartyError Removed = new("removed-from-party", "You were removed from this party and cannot join it again.", StatusCodes.Status403Forbidden);
    public static readonly PartyError Left = new("left-party", "You left the party.", StatusCodes.Status403Forbidden);
    public static readonly PartyError Full = new("party-full", "The party is full.", StatusCodes.Status409Conflict);
    public static readonly PartyError NotJoined = new("not-joined", "Join a party on this connection first.", StatusCodes.Status409Conflict);
    public static readonly PartyError ChatRateLimited = new("chat-rate-limited", "You are sending messages too fast; wait a few seconds.", StatusCodes.Status429TooManyRequests);

    public static PartyError NotAllowed(string message) => new("not-allowed", message, StatusCodes.Status403Forbidden);

    public static PartyError Invalid(string message) => new("invalid-request", message, StatusCodes.Status400BadRequest);

    /// <summary>Why a member may not play the party's video, with the codes of the playback endpoint; <c>null</c> when it may.</summary>
    public static PartyError? From(PlaybackCheck check) => check.Denial switch
    {
        PlaybackDenial.NotFound => new("not-found", "The video does not exist or is not visible to you.", StatusCodes.Status404NotFound),
        PlaybackDenial.UnavailableInRegion => new("unavailable-in-region", "This video is not available in your country.", StatusCodes.Status451UnavailableForLegalReasons),
        PlaybackDenial.NotReady => new("not-ready", "The video is not ready to play yet.", StatusCodes.Status409Conflict),
        _ => null,
    };
}

/// <summary>What a rule decided about a party: a changed copy to store, a refusal, or neither (nothing to do).</summary>
public readonly record struct PartyDecision(Party? Changed, PartyError? Refusal)
{
    public static PartyDecision Unchanged => default;

    public static implicit operator PartyDecision(Party changed) => new(changed, null);

    public static implicit operator PartyDecision(PartyError refusal) => new(null, refusal);
}
