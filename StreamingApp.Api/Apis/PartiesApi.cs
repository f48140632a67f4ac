using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using StreamingApp.Api.Access;
using StreamingApp.Api.Parties;
using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Apis;

public static class PartiesApi
{
    public const int MaxMessagePage = 100;

    /// <summary>Bytes of randomness in an invite code: 144 bits, 24 URL-safe characters.</summary>
    public const int InviteCodeBytes = 18;

    public static RouteGroupBuilder MapPartiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/parties").WithTags("Watch parties").RequireAuthorization();

        api.MapPost("/", CreateParty)
            .WithName(nameof(CreateParty))
            .WithSummary("Start a watch party for a video; the caller is its host")
            .WithDescription("The caller must be allowed to play the video: 404 when it is not visible, 451 where it is not licensed, 409 while it is not ready.");

        api.MapPost("/join", JoinParty)
            .WithName(nameof(JoinParty))
            .WithSummary("Join a party with the code of its invite link")
            .WithDescription("403 for an account the party removed, 409 when it is full, 410 when it ended; the video checks of playback apply.");

        api.MapGet($"/{{id:{VideosApi.IdPattern}}}", GetParty)
            .WithName(nameof(GetParty))
            .WithSummary("A party with its members and live playback state (members only)");

        api.MapGet($"/{{id:{VideosApi.IdPattern}}}/messages", ListMessages)
            .WithName(nameof(ListMessages))
            .WithSummary("Chat history, newest first; pass the last id as 'before' for the next page (members only)");

        api.MapDelete($"/{{id:{VideosApi.IdPattern}}}", EndParty)
            .WithName(nameof(EndParty))
            .WithSummary("End the party (host only); connected members are told at once");

        return api;
    }

    public static async Task<Results<Created<PartyView>, ValidationProblem, ProblemHttpResult>> CreateParty(
        CreatePartyRequest request, [AsParameters] PartyServices services, ClaimsPrincipal principal, HttpContext context)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = ApiUser.From(principal);
        var check = await services.Gate.CheckAsync(request.VideoId!, user, context, "party", context.RequestAborted);
        if (check.Problem is { } problem)
        {
            return problem;
        }

        var now = services.Time.GetUtcNow();
        var mode = EnumNames.TryParse<PartyControlMode>(request.ControlMode, out var parsed) ? parsed : PartyControlMode.Host;
        var party = services.Rules.Create(
            Guid.CreateVersion7(now).ToString("N"), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(InviteCodeBytes)),
            check.Video!, user.Id!, DisplayName(principal), mode, now);
        var created = await services.Parties.CreateAsync(party, context.RequestAborted)
            ?? throw new InvalidOperationException($"Generated party id {party.Id} or its invite code already exists.");
        return TypedResults.Created($"/api/parties/{created.Id}", services.Views.Party(created));
    }

    public static async Task<Results<Ok<PartyView>, ValidationProblem, ProblemHttpResult>> JoinParty(
        JoinPartyRequest request, [AsParameters] PartyServices services, ClaimsPrincipal principal, HttpContext context)
    {
        if (request.InviteCode is not { Length: > 0 and <= 64 } code || !code.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_'))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inviteCode"] = ["The code from the invite link."] });
        }

        var party = await services.Parties.GetByInviteCodeAsync(code, context.RequestAborted);
        if (party is null)
        {
            return Problems.NotFound("party");
        }

        var user = ApiUser.From(principal);
        var check = await services.Gate.CheckAsync(party.VideoId, user, context, "party", context.RequestAborted);
        if (check.Problem is { } problem)
        {
            return problem;
        }

        var displayName = DisplayName(principal);
        var update = await services.Coordinator.ChangeAsync(party.Id, (current, now) => services.Rules.Join(current, user.Id!, displayName, now), context.RequestAborted);
        return update switch
        {
            { Refusal: { } refusal } => Problems.Party(refusal),
            { After: { } joined } => TypedResults.Ok(services.Views.Party(joined)),
            _ => Problems.NotFound("party"),
        };
    }

    public static async Task<Results<Ok<PartyView>, ProblemHttpResult>> GetParty(
        string id, [AsParameters] PartyServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var party = await services.Parties.GetAsync(id, cancellationToken);
        return party?.FindMember(ApiUser.From(principal).Id!) is null ? Problems.NotFound("party") : TypedResults.Ok(services.Views.Party(party));
    }

    public static async Task<Results<Ok<ChatPage>, ValidationProblem, ProblemHttpResult>> ListMessages(
        string id, string? before, int? limit, [AsParameters] PartyServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (before is not null && !PartyViews.IsId(before))
        {
            errors["before"] = ["The id of a message (32 hexadecimal digits)."];
        }

        if (limit is < 1 or > MaxMessagePage)
        {
            errors["limit"] = [$"Ask for 1 to {MaxMessagePage} messages."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var party = await services.Parties.GetAsync(id, cancellationToken);
        if (party?.FindMember(ApiUser.From(principal).Id!) is null)
        {
            return Problems.NotFound("party");
        }

        var size = limit ?? 50;
        var messages = await services.Messages.ListAsync(id, before, size, cancellationToken);
        return TypedResults.Ok(new ChatPage(messages.Select(ChatMessageView.From).ToList(), messages.Count == size ? messages[^1].Id : null));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EndParty(
        string id, [AsParameters] PartyServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = ApiUser.From(principal).Id!;
        var update = await services.Coordinator.ChangeAsync(id, (party, now) => services.Rules.End(party, userId, now), cancellationToken);
        return update.Refusal is { } refusal ? Problems.Party(refusal) : TypedResults.NoContent();
    }

    /// <summary>The name members see: the account's display name from the access token.</summary>
    private static string DisplayName(ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtRegisteredClaimNames.Name) is { Length: > 0 } name ? name : "Viewer";
}

/// <summary>What the party endpoints use, resolved from the container.</summary>
public sealed class PartyServices(
    IPartyStore parties, IPartyMessageStore messages, PartyCoordinator coordinator, PartyRules rules, PartyViews views, PlaybackGate gate, TimeProvider time)
{
    public IPartyStore Parties => parties;

    public IPartyMessageStore Messages => messages;

    public PartyCoordinator Coordinator => coordinator;

    public PartyRules Rules => rules;

    public PartyViews Views => views;

    public PlaybackGate Gate => gate;

    public TimeProvider Time => time;
}
