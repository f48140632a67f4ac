using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Authentication;

public abstract record RefreshOutcome
{
    /// <summary>New tokens and the user they describe (roles may have changed since the last refresh).</summary>
    public sealed record Renewed(SessionTokens Tokens, ClaimsPrincipal User) : RefreshOutcome;

    /// <summary>Auth refused the refresh token: the session was signed out, revoked or has expired.</summary>
    public sealed record Ended : RefreshOutcome;

    /// <summary>Auth could not be asked; the current tokens stay until they expire.</summary>
    public sealed record Unavailable : RefreshOutcome;
}

/// <summary>
/// Renews a session's tokens once, however many requests of that session ask at the same moment: refresh tokens
/// rotate, and presenting a used one again makes Auth revoke the whole session. The outcome is kept for a short
/// window so requests that still carry the previous cookie get the same new tokens.
/// </summary>
public sealed class TokenRefresher(
    IServiceScopeFactory scopes, AccessTokenValidator validator, IMemoryCache cache, IOptions<SessionOptions> options,
    TimeProvider time, ILogger<TokenRefresher> logger)
{
    private readonly Lock _gate = new();

    public Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var key = (nameof(TokenRefresher), refreshToken);
        Lazy<Task<RefreshOutcome>> flight;
        lock (_gate)
        {
            flight = cache.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = options.Value.RefreshReuseWindow;
                // Not tied to one request: the others waiting for it must not be cancelled with it.
                return new Lazy<Task<RefreshOutcome>>(() => RenewAsync(refreshToken));
            })!;
        }

        return flight.Value.WaitAsync(cancellationToken);
    }

    private async Task<RefreshOutcome> RenewAsync(string refreshToken)
    {
        using var scope = scopes.CreateScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthClient>();
        try
        {
            var response = await auth.RefreshAsync(refreshToken, CancellationToken.None);
            var user = await validator.ValidateAsync(response.AccessToken, CancellationToken.None);
            return new RefreshOutcome.Renewed(SessionTokens.Issued(response, time.GetUtcNow()), user);
        }
        catch (ApiProblemException problem) when (problem.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new RefreshOutcome.Ended();
        }
        catch (SecurityTokenException exception)
        {
            logger.LogWarning(exception, "Auth returned an access token that does not validate; ending the session.");
            return new RefreshOutcome.Ended();
        }
        catch (Exception exception) when (exception is HttpRequestException or ApiProblemException or TaskCanceledException)
        {
            logger.LogWarning(exception, "Could not refresh a session's tokens; keeping the current ones.");
            lock (_gate)
            {
                // Let the next request try again rather than reuse the failure.
                cache.Remove((nameof(TokenRefresher), refreshToken));
            }

            return new RefreshOutcome.Unavailable();
        }
    }
}
