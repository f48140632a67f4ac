using System.Security.Claims;
using OtpNet;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.TwoFactor;

namespace StreamingApp.Auth.Apis;

/// <summary>Two-factor sign-in with an authenticator app (TOTP) and recovery codes.</summary>
public static class TwoFactorApi
{
    public static RouteGroupBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth/totp").WithTags("Two-factor").RequireAuthorization().RequireRateLimiting(AuthRateLimits.Totp);

        api.MapPost("/setup", SetUpTotp)
            .WithName(nameof(SetUpTotp))
            .WithSummary("Start setting up an authenticator app")
            .WithDescription("A new secret, as text, as an otpauth:// URI and as a QR code (PNG data URI). Nothing changes until it is confirmed with a code.");

        api.MapPost("/enable", EnableTotp)
            .WithName(nameof(EnableTotp))
            .WithSummary("Turn on two-factor sign-in")
            .WithDescription("Confirms the set-up with a current code and returns ten single-use recovery codes, shown only this once.");

        api.MapPost("/disable", DisableTotp)
            .WithName(nameof(DisableTotp))
            .WithSummary("Turn off two-factor sign-in")
            .WithDescription("Needs a current code or a recovery code.");

        return api;
    }

    public static async Task<Results<Ok<TotpSetupResponse>, ProblemHttpResult>> SetUpTotp(
        ClaimsPrincipal caller, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        var (user, problem) = await CallerAsync(caller, context, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (user.TotpEnabled)
        {
            return AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.TotpAlreadyEnabled, "Two-factor sign-in is already on.");
        }

        var secret = TotpAuthenticator.NewSecret();
        var now = services.Time.GetUtcNow();
        var pending = services.Totp.Protect(secret, user.Id);
        await services.Users.ChangeAsync(user, current => current with { PendingTotpSecret = pending, UpdatedAt = now }, cancellationToken);
        var uri = TotpAuthenticator.ProvisioningUri(user.Email, secret);
        return TypedResults.Ok(new TotpSetupResponse(Base32Encoding.ToString(secret).TrimEnd('='), uri, TotpAuthenticator.QrCodeDataUri(uri)));
    }

    public static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem, ProblemHttpResult>> EnableTotp(
        CodeRequest request, ClaimsPrincipal caller, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var (user, problem) = await CallerAsync(caller, context, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (user.TotpEnabled)
        {
            return AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.TotpAlreadyEnabled, "Two-factor sign-in is already on.");
        }

        if (user.PendingTotpSecret is null)
        {
            return AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.TotpNotSetUp, "Set up an authenticator app first.");
        }

        if (!services.Totp.TryVerify(services.Totp.Unprotect(user.PendingTotpSecret, user.Id), request.Code!, 0, out var step))
        {
            return WrongCode();
        }

        var (codes, hashes) = TotpAuthenticator.NewRecoveryCodes();
        var now = services.Time.GetUtcNow();
        var pending = user.PendingTotpSecret;
        await services.Users.ChangeAsync(user, current => current with
        {
            TotpSecret = pending,
            PendingTotpSecret = null,
            LastTotpTimeStep = step,
            RecoveryCodeHashes = hashes,
            UpdatedAt = now,
        }, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.TwoFactorEnabled, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DisableTotp(
        CodeRequest request, ClaimsPrincipal caller, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var (user, problem) = await CallerAsync(caller, context, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!user.TotpEnabled)
        {
            return AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.TotpNotEnabled, "Two-factor sign-in is off.");
        }

        var secret = services.Totp.Unprotect(user.TotpSecret!, user.Id);
        if (!services.Totp.TryVerify(secret, request.Code!, user.LastTotpTimeStep, out _) && TotpAuthenticator.MatchRecoveryCode(user.RecoveryCodeHashes, request.Code!) < 0)
        {
            return WrongCode();
        }

        var now = services.Time.GetUtcNow();
        await services.Users.ChangeAsync(user, current => current with
        {
            TotpSecret = null,
            PendingTotpSecret = null,
            RecoveryCodeHashes = [],
            UpdatedAt = now,
        }, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.TwoFactorDisabled, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's account, or what to answer instead (the account is gone, or tries too often).</summary>
    private static async Task<(User User, ProblemHttpResult? Problem)> CallerAsync(
        ClaimsPrincipal caller, HttpContext context, AccountServices services, CancellationToken cancellationToken)
    {
        if (await services.Users.GetAsync(caller.Id(), cancellationToken) is not { } user)
        {
            return (null!, ProfileApi.AccountGone());
        }

        return services.AccountLimits.TryAcquire(AuthRateLimits.Totp, user.Id) is { } retryAfter
            ? (user, AuthProblems.TooManyRequests(context, retryAfter))
            : (user, null);
    }

    private static ProblemHttpResult WrongCode() =>
        AuthProblems.Problem(StatusCodes.Status400BadRequest, AuthProblems.InvalidCode, "The code is not correct.", "Codes change every 30 seconds; check the device's clock.");
}
