using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.Sessions;

namespace StreamingApp.Auth.Apis;

/// <summary>The signed-in person's own account.</summary>
public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Profile").RequireAuthorization();

        api.MapGet("/me", GetProfile)
            .WithName(nameof(GetProfile))
            .WithSummary("The caller's account")
            .WithDescription("Id, email, display name, roles, and whether the email is verified and two-factor sign-in is on.");

        api.MapPatch("/me", UpdateProfile)
            .WithName(nameof(UpdateProfile))
            .WithSummary("Change the display name");

        api.MapPost("/change-password", ChangePassword)
            .WithName(nameof(ChangePassword))
            .WithSummary("Change the password")
            .WithDescription("Needs the current password; signs out every other session.");

        return api;
    }

    public static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfile(
        ClaimsPrincipal caller, IUserStore users, CancellationToken cancellationToken) =>
        await users.GetAsync(caller.Id(), cancellationToken) is { } user ? TypedResults.Ok(ProfileResponse.From(user)) : AccountGone();

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> UpdateProfile(
        UpdateProfileRequest request, ClaimsPrincipal caller, IUserStore users, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        if (await users.GetAsync(caller.Id(), cancellationToken) is not { } user)
        {
            return AccountGone();
        }

        var now = time.GetUtcNow();
        var stored = await users.ChangeAsync(user, current => current with { DisplayName = request.DisplayName!.Trim(), UpdatedAt = now }, cancellationToken);
        return stored is null ? AccountGone() : TypedResults.Ok(ProfileResponse.From(stored));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal caller, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        if (await services.Users.GetAsync(caller.Id(), cancellationToken) is not { } user)
        {
            return AccountGone();
        }

        // A stolen access token must not become a way to guess the password at full speed.
        if (services.AccountLimits.TryAcquire(AuthRateLimits.Login, user.NormalizedEmail) is { } retryAfter)
        {
            return AuthProblems.TooManyRequests(context, retryAfter);
        }

        if (services.Passwords.Verify(user, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            return AuthProblems.Validation(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is not correct."] });
        }

        if (new RequestValidation().NewPassword("newPassword", request.NewPassword, user.Email).Errors is { Count: > 0 } policy)
        {
            return AuthProblems.Validation(policy);
        }

        var now = services.Time.GetUtcNow();
        var hash = services.Passwords.Hash(user, request.NewPassword!);
        await services.Users.ChangeAsync(user, current => current with { PasswordHash = hash, UpdatedAt = now }, cancellationToken);
        await services.Sessions.RevokeAllAsync(user.Id, RevocationReasons.PasswordChanged, cancellationToken, keepSessionId: caller.SessionId());
        await services.Audit.RecordAsync(AuditEventTypes.PasswordChanged, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult AccountGone() =>
        AuthProblems.Problem(StatusCodes.Status404NotFound, AuthProblems.NotFound, "The account no longer exists.");
}
