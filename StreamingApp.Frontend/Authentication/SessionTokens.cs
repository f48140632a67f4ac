using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// The user's tokens, kept only inside the encrypted session cookie's ticket (never in a page or in browser script).
/// </summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";

    public static SessionTokens Issued(TokenResponse response, DateTimeOffset now) =>
        new(response.AccessToken, response.RefreshToken, now.AddSeconds(response.ExpiresIn));

    public static SessionTokens? From(AuthenticationProperties properties) =>
        properties.GetTokenValue(AccessTokenName) is { } access
        && properties.GetTokenValue(RefreshTokenName) is { } refresh
        && DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAtName), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            ? new SessionTokens(access, refresh, expiresAt)
            : null;

    public void StoreIn(AuthenticationProperties properties) => properties.StoreTokens(
    [
        new AuthenticationToken { Name = AccessTokenName, Value = AccessToken },
        new AuthenticationToken { Name = RefreshTokenName, Value = RefreshToken },
        new AuthenticationToken { Name = ExpiresAtName, Value = ExpiresAt.ToString("O", CultureInfo.InvariantCulture) },
    ]);

    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt - margin <= now;
}

/// <summary>The current request's tokens, set once the session cookie has been validated (and refreshed if needed).</summary>
public sealed record SessionTokensFeature(SessionTokens Tokens);

public static class SessionTokensExtensions
{
    public static SessionTokens? GetSessionTokens(this HttpContext context) => context.Features.Get<SessionTokensFeature>()?.Tokens;
}
