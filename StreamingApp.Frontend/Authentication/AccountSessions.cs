using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Authentication;

/// <summary>Starts and ends a user's session in the web UI: the encrypted session cookie and Auth's refresh token behind it.</summary>
public sealed class AccountSessions(AuthClient auth, AccessTokenValidator validator, TimeProvider time)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Validates the tokens Auth issued and keeps them in the session cookie.</summary>
    public async Task SignInAsync(HttpContext context, TokenResponse response, CancellationToken cancellationToken)
    {
        var user = await validator.ValidateAsync(response.AccessToken, cancellationToken);
        var properties = new AuthenticationProperties { IsPersistent = true };
        var tokens = SessionTokens.Issued(response, time.GetUtcNow());
        tokens.StoreIn(properties);
        await context.SignInAsync(Scheme, user, properties);
        context.Features.Set(new SessionTokensFeature(tokens));
    }

    /// <summary>Revokes this session at Auth (best effort: an unreachable Auth must not keep anyone signed in here).</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.GetSessionTokens() is { } tokens)
        {
            try
            {
                await auth.LogoutAsync(tokens.RefreshToken, cancellationToken);
            }
            catch (Exception exception) when (exception is ApiProblemException or HttpRequestException or SessionEndedException)
            {
                // The refresh token is already unusable or Auth is down; the cookie goes either way.
            }
        }

        await context.SignOutAsync(Scheme);
    }

    /// <summary>Revokes every session of the user at Auth, then this one here; failures are reported, not hidden.</summary>
    public async Task SignOutEverywhereAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await auth.LogoutEverywhereAsync(cancellationToken);
        }
        catch (SessionEndedException)
        {
            // Already revoked.
        }

        await context.SignOutAsync(Scheme);
    }
}
