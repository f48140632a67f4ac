using System.Security.Claims;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.EmailTokens;
using StreamingApp.Auth.Passwords;
using StreamingApp.Auth.Sessions;
using StreamingApp.Auth.TwoFactor;

namespace StreamingApp.Auth.Apis;

/// <summary>What the account handlers work with, bound from DI in one <c>[AsParameters]</c> argument.</summary>
public sealed record AccountServices(
    IUserStore Users,
    AccountPasswords Passwords,
    SessionTokens Sessions,
    SignIn SignIn,
    EmailLinks EmailLinks,
    TotpAuthenticator Totp,
    AccountRateLimiter AccountLimits,
    AuditLog Audit,
    AuthMetrics Metrics,
    TimeProvider Time);

internal static class CallerClaims
{
    public static string Id(this ClaimsPrincipal caller) =>
        caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated caller without a subject.");

    /// <summary>The session (refresh token family) the caller's access token belongs to.</summary>
    public static string? SessionId(this ClaimsPrincipal caller) => caller.FindFirstValue("sid");
}
