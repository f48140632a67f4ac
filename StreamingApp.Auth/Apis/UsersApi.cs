using System.Security.Claims;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.Sessions;

namespace StreamingApp.Auth.Apis;

/// <summary>Account administration: search, roles, disable and enable. Admins only.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth/users").WithTags("Users").RequireAuthorization(Policies.Admin);

        api.MapGet("/", ListUsers)
            .WithName(nameof(ListUsers))
            .WithSummary("Search accounts")
            .WithDescription("Accounts whose email or display name contains q, oldest first, a page at a time.");

        api.MapPut("/{id}/roles", SetRoles)
            .WithName(nameof(SetRoles))
            .WithSummary("Set an account's roles")
            .WithDescription("Takes effect in the account's next access token; when a role is removed, older access tokens are refused.");

        api.MapPost("/{id}/disable", DisableUser)
            .WithName(nameof(DisableUser))
            .WithSummary("Disable an account")
            .WithDescription("Refuses sign-in and refresh, revokes every session, and has every service refuse its access tokens within the revocation feed's staleness.");

        api.MapPost("/{id}/enable", EnableUser)
            .WithName(nameof(EnableUser))
            .WithSummary("Enable an account")
            .WithDescription("Also ends a lockout.");

        return api;
    }

    public static async Task<Results<Ok<PagedResponse<UserSummary>>, ValidationProblem>> ListUsers(
        [AsParameters] UserListRequest request, IUserStore users, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var page = request.Page ?? 1;
        var pageSize = request.PageSize ?? UserListRequest.DefaultPageSize;
        var result = await users.SearchAsync(request.Q, page, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedResponse<UserSummary>(result.Items.Select(UserSummary.From).ToList(), page, pageSize, result.Total));
    }

    public static async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> SetRoles(
        string id, SetRolesRequest request, ClaimsPrincipal caller, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        if (await services.Users.GetAsync(id, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        var roles = AppRoles.All.Where(request.Roles!.Contains).ToList();
        if (user.Id == caller.Id() && !roles.Contains(AppRoles.Admin))
        {
            return OwnAccount("Admins cannot remove their own admin role.");
        }

        var removed = user.Roles.Except(roles).ToList();
        var now = services.Time.GetUtcNow();
        // Tokens that still carry a removed role are refused; the holder's client refreshes and gets the new roles.
        var epoch = removed.Count > 0 ? services.Sessions.NextTokenEpoch() : (DateTimeOffset?)null;
        var stored = await services.Users.ChangeAsync(user, current => current with
        {
            Roles = roles,
            TokensValidAfter = epoch ?? current.TokensValidAfter,
            UpdatedAt = now,
        }, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        await services.Audit.RecordAsync(AuditEventTypes.RolesChanged, user.Id, cancellationToken, actorId: caller.Id(), details: new Dictionary<string, string>
        {
            ["from"] = string.Join(' ', user.Roles),
            ["to"] = string.Join(' ', roles),
        });
        return TypedResults.Ok(UserSummary.From(stored));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableUser(
        string id, ClaimsPrincipal caller, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (await services.Users.GetAsync(id, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == caller.Id())
        {
            return OwnAccount("Admins cannot disable their own account.");
        }

        var now = services.Time.GetUtcNow();
        user = await services.Users.ChangeAsync(user, current => current with { Disabled = true, UpdatedAt = now }, cancellationToken) ?? user;
        await AccountApi.RevokeEverywhereAsync(user, RevocationReasons.AccountDisabled, services, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.AccountDisabled, user.Id, cancellationToken, actorId: caller.Id());
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EnableUser(
        string id, ClaimsPrincipal caller, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (await services.Users.GetAsync(id, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        var now = services.Time.GetUtcNow();
        await services.Users.ChangeAsync(user, current => current with { Disabled = false, FailedSignIns = 0, LockedUntil = null, UpdatedAt = now }, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.AccountEnabled, user.Id, cancellationToken, actorId: caller.Id());
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() =>
        AuthProblems.Problem(StatusCodes.Status404NotFound, AuthProblems.NotFound, "No account has this id.");

    private static ProblemHttpResult OwnAccount(string title) =>
        AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.CannotChangeOwnAccount, title, "Ask another admin.");
}
