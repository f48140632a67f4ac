using System.Security.Claims;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.EmailTokens;
using StreamingApp.Auth.Sessions;

namespace StreamingApp.Auth.Apis;

/// <summary>Registration, email verification, sign-in, token refresh, sign-out and password recovery.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");

        api.MapPost("/register", Register)
            .WithName(nameof(Register))
            .WithSummary("Create an account")
            .WithDescription("Creates a viewer account and emails a verification link. 409 when the email is taken.")
            .RequireRateLimiting(AuthRateLimits.Register);

        api.MapPost("/verify-email", VerifyEmail)
            .WithName(nameof(VerifyEmail))
            .WithSummary("Confirm an email address")
            .WithDescription("Redeems the single-use token from the verification email.");

        api.MapPost("/resend-verification", ResendVerification)
            .WithName(nameof(ResendVerification))
            .WithSummary("Send a new verification link")
            .WithDescription("Always 202, whether or not the email belongs to an unverified account.")
            .RequireRateLimiting(AuthRateLimits.ForgotPassword);

        api.MapPost("/login", Login)
            .WithName(nameof(Login))
            .WithSummary("Sign in")
            .WithDescription("Exchanges email, password and, when two-factor sign-in is on, a TOTP or recovery code for an access and a refresh token.")
            .RequireRateLimiting(AuthRateLimits.Login);

        api.MapPost("/refresh", Refresh)
            .WithName(nameof(Refresh))
            .WithSummary("Rotate a refresh token")
            .WithDescription("Returns a new token pair; the presented refresh token is used up. Presenting it again revokes the session.");

        api.MapPost("/logout", Logout)
            .WithName(nameof(Logout))
            .WithSummary("Sign out of one session")
            .WithDescription("Revokes the session the refresh token belongs to.");

        api.MapPost("/logout-all", LogoutAll)
            .WithName(nameof(LogoutAll))
            .WithSummary("Sign out everywhere")
            .WithDescription("Revokes every refresh token of the caller; access tokens issued before now are refused within the revocation feed's staleness.")
            .RequireAuthorization();

        api.MapPost("/forgot-password", ForgotPassword)
            .WithName(nameof(ForgotPassword))
            .WithSummary("Request a password reset link")
            .WithDescription("Always 202, whether or not an account has the email.")
            .RequireRateLimiting(AuthRateLimits.ForgotPassword);

        api.MapPost("/reset-password", ResetPassword)
            .WithName(nameof(ResetPassword))
            .WithSummary("Choose a new password with a reset link")
            .WithDescription("Redeems the reset token, sets the password and signs the account out everywhere.");

        return api;
    }

    public static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var email = request.Email!.Trim();
        if (services.AccountLimits.TryAcquire(AuthRateLimits.Register, User.Normalize(email)) is { } retryAfter)
        {
            return AuthProblems.TooManyRequests(context, retryAfter);
        }

        var now = services.Time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Email = email,
            NormalizedEmail = User.Normalize(email),
            DisplayName = request.DisplayName!.Trim(),
            Roles = [AppRoles.Viewer],
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await services.Users.CreateAsync(user with { PasswordHash = services.Passwords.Hash(user, request.Password!) }, cancellationToken);
        if (created is null)
        {
            return AuthProblems.Problem(StatusCodes.Status409Conflict, AuthProblems.EmailTaken, "An account with this email already exists.");
        }

        await services.EmailLinks.SendVerificationAsync(created, cancellationToken);
        services.Metrics.Registered();
        await services.Audit.RecordAsync(AuditEventTypes.Registered, created.Id, cancellationToken, actorId: created.Id);
        return TypedResults.Created("/api/auth/me", AccountResponse.From(created));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> VerifyEmail(
        TokenRequest request, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var token = await services.EmailLinks.FindAsync(request.Token!, EmailTokenPurpose.VerifyEmail, cancellationToken);
        if (token is null || await services.Users.GetAsync(token.UserId, cancellationToken) is not { } user || !await services.EmailLinks.RedeemAsync(token, cancellationToken))
        {
            return InvalidLink();
        }

        var now = services.Time.GetUtcNow();
        await services.Users.ChangeAsync(user, current => current with { EmailVerified = true, UpdatedAt = now }, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.EmailVerified, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> ResendVerification(
        EmailRequest request, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        if (services.AccountLimits.TryAcquire(AuthRateLimits.ForgotPassword, User.Normalize(request.Email!)) is { } retryAfter)
        {
            return AuthProblems.TooManyRequests(context, retryAfter);
        }

        if (await services.Users.FindByEmailAsync(request.Email!, cancellationToken) is { EmailVerified: false, Disabled: false } user)
        {
            await services.EmailLinks.SendVerificationAsync(user, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var email = request.Email!.Trim();
        if (services.AccountLimits.TryAcquire(AuthRateLimits.Login, User.Normalize(email)) is { } limited)
        {
            return AuthProblems.TooManyRequests(context, limited);
        }

        var result = await services.SignIn.CheckAsync(email, request.Password!, request.TotpCode, cancellationToken);
        if (result is { Status: SignInStatus.Succeeded, User: { } user })
        {
            var tokens = await services.Sessions.StartAsync(user, cancellationToken);
            services.Metrics.LoggedIn();
            await services.Audit.RecordAsync(AuditEventTypes.SignInSucceeded, user.Id, cancellationToken, actorId: user.Id,
                details: new Dictionary<string, string> { ["secondFactor"] = !user.TotpEnabled ? "none" : result.UsedRecoveryCode ? "recovery-code" : "totp" });
            if (result.UsedRecoveryCode)
            {
                await services.Audit.RecordAsync(AuditEventTypes.RecoveryCodeUsed, user.Id, cancellationToken, actorId: user.Id,
                    details: new Dictionary<string, string> { ["remaining"] = user.RecoveryCodeHashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            return TypedResults.Ok(ToResponse(tokens));
        }

        var reason = result.Status switch
        {
            SignInStatus.LockedOut => "locked-out",
            SignInStatus.Disabled => "disabled",
            SignInStatus.EmailNotVerified => "email-not-verified",
            SignInStatus.TotpRequired => "second-factor-required",
            SignInStatus.BadSecondFactor => "bad-second-factor",
            _ => "bad-credentials",
        };
        services.Metrics.LoginFailed(reason);
        await services.Audit.RecordAsync(AuditEventTypes.SignInFailed, result.User?.Id, cancellationToken, email: email,
            details: new Dictionary<string, string> { ["reason"] = reason });
        if (result.LockedOutNow)
        {
            await services.Audit.RecordAsync(AuditEventTypes.LockedOut, result.User?.Id, cancellationToken, email: email);
        }

        return result.Status switch
        {
            SignInStatus.LockedOut => AuthProblems.TooManyRequests(context, result.RetryAfter ?? TimeSpan.FromMinutes(1)),
            SignInStatus.Disabled => AuthProblems.Problem(StatusCodes.Status403Forbidden, AuthProblems.AccountDisabled, "This account is disabled."),
            SignInStatus.EmailNotVerified => AuthProblems.Problem(StatusCodes.Status403Forbidden, AuthProblems.EmailNotVerified,
                "Confirm your email address first.", "Open the link in the verification email, or ask for a new one."),
            SignInStatus.TotpRequired => AuthProblems.Problem(StatusCodes.Status403Forbidden, AuthProblems.TotpRequired,
                "Enter the code from your authenticator app, or a recovery code."),
            _ => AuthProblems.BadCredentials(),
        };
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var outcome = await services.Sessions.RefreshAsync(request.RefreshToken!, cancellationToken);
        if (outcome.Tokens is { } tokens)
        {
            services.Metrics.Refreshed("rotated");
            return TypedResults.Ok(ToResponse(tokens));
        }

        if (outcome.ReusedByUserId is { } userId)
        {
            services.Metrics.Refreshed("reused");
            await services.Audit.RecordAsync(AuditEventTypes.RefreshTokenReused, userId, cancellationToken);
        }
        else
        {
            services.Metrics.Refreshed("invalid");
        }

        return AuthProblems.Problem(StatusCodes.Status401Unauthorized, AuthProblems.InvalidRefreshToken, "The refresh token is not valid. Sign in again.");
    }

    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshRequest request, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        await services.Sessions.SignOutAsync(request.RefreshToken!, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAll(
        ClaimsPrincipal caller, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (await services.Users.GetAsync(caller.Id(), cancellationToken) is not { } user)
        {
            return AuthProblems.Problem(StatusCodes.Status404NotFound, AuthProblems.NotFound, "The account no longer exists.");
        }

        await RevokeEverywhereAsync(user, RevocationReasons.SignedOutEverywhere, services, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.SignedOutEverywhere, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> ForgotPassword(
        EmailRequest request, HttpContext context, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        if (services.AccountLimits.TryAcquire(AuthRateLimits.ForgotPassword, User.Normalize(request.Email!)) is { } retryAfter)
        {
            return AuthProblems.TooManyRequests(context, retryAfter);
        }

        if (await services.Users.FindByEmailAsync(request.Email!, cancellationToken) is { Disabled: false } user)
        {
            await services.EmailLinks.SendPasswordResetAsync(user, cancellationToken);
            await services.Audit.RecordAsync(AuditEventTypes.PasswordResetRequested, user.Id, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(
        ResetPasswordRequest request, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return AuthProblems.Validation(errors);
        }

        var token = await services.EmailLinks.FindAsync(request.Token!, EmailTokenPurpose.ResetPassword, cancellationToken);
        if (token is null || await services.Users.GetAsync(token.UserId, cancellationToken) is not { Disabled: false } user)
        {
            return InvalidLink();
        }

        // Checked before the token is used up, so a refused password can be replaced with the same link.
        if (new RequestValidation().NewPassword("newPassword", request.NewPassword, user.Email).Errors is { Count: > 0 } policy)
        {
            return AuthProblems.Validation(policy);
        }

        if (!await services.EmailLinks.RedeemAsync(token, cancellationToken))
        {
            return InvalidLink();
        }

        var now = services.Time.GetUtcNow();
        var hash = services.Passwords.Hash(user, request.NewPassword!);
        // Whoever could read the mailbox controls the account now: the address counts as verified, and the lockout ends.
        user = await services.Users.ChangeAsync(user, current => current with
        {
            PasswordHash = hash,
            EmailVerified = true,
            FailedSignIns = 0,
            LockedUntil = null,
            UpdatedAt = now,
        }, cancellationToken) ?? user;
        await RevokeEverywhereAsync(user, RevocationReasons.PasswordReset, services, cancellationToken);
        await services.Audit.RecordAsync(AuditEventTypes.PasswordReset, user.Id, cancellationToken, actorId: user.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes every refresh token and, through <see cref="User.TokensValidAfter"/>, every access token issued so far.</summary>
    internal static async Task<User> RevokeEverywhereAsync(User user, string reason, AccountServices services, CancellationToken cancellationToken)
    {
        var epoch = services.Sessions.NextTokenEpoch();
        var stored = await services.Users.ChangeAsync(user, current => current with { TokensValidAfter = epoch }, cancellationToken) ?? user;
        await services.Sessions.RevokeAllAsync(user.Id, reason, cancellationToken);
        return stored;
    }

    private static TokenResponse ToResponse(TokenPair tokens) => new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn);

    private static ProblemHttpResult InvalidLink() => AuthProblems.Problem(
        StatusCodes.Status400BadRequest, AuthProblems.InvalidToken, "The link is invalid or has expired.", "Ask for a new one.");
}
