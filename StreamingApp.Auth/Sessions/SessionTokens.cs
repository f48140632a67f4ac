using Microsoft.Extensions.Options;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.Sessions;

/// <summary>
/// Access and refresh token pairs. Every refresh rotates: the presented token is marked used (a versioned write, so of
/// two concurrent refreshes exactly one wins) and a successor in the same family is issued. Presenting a used token
/// again means it was copied: the whole family is revoked, which also ends the thief's copy.
/// </summary>
public sealed class SessionTokens(IRefreshTokenStore refreshTokens, IUserStore users, TokenIssuer issuer, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<TokenPair> StartAsync(User user, CancellationToken cancellationToken) =>
        await IssueAsync(user, Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), cancellationToken);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await refreshTokens.GetAsync(SecretTokens.Hash(refreshToken.Trim()), cancellationToken);
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return RefreshOutcome.Invalid;
        }

        if (stored.UsedAt is not null)
        {
            return await RevokeReusedAsync(stored, now, cancellationToken);
        }

        var user = await users.GetAsync(stored.UserId, cancellationToken);
        if (user is null || user.Disabled)
        {
            return RefreshOutcome.Invalid;
        }

        var successor = SecretTokens.New();
        var successorId = SecretTokens.Hash(successor);
        if (await refreshTokens.UpdateAsync(stored with { UsedAt = now, ReplacedBy = successorId }, cancellationToken) is null)
        {
            // Another request used or revoked it between our read and write: a replay as far as we can tell.
            return await RevokeReusedAsync(stored, now, cancellationToken);
        }

        return RefreshOutcome.Rotated(user, await IssueAsync(user, stored.FamilyId, cancellationToken, successor));
    }

    /// <summary>Ends the session the refresh token belongs to; unknown tokens are ignored.</summary>
    public async Task SignOutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (await refreshTokens.GetAsync(SecretTokens.Hash(refreshToken.Trim()), cancellationToken) is { } stored)
        {
            await refreshTokens.RevokeFamilyAsync(stored.FamilyId, time.GetUtcNow(), RevocationReasons.SignedOut, cancellationToken);
        }
    }

    /// <summary>Revokes every refresh token of the user but those of <paramref name="keepSessionId"/>.</summary>
    public Task RevokeAllAsync(string userId, string reason, CancellationToken cancellationToken, string? keepSessionId = null) =>
        refreshTokens.RevokeUserAsync(userId, keepSessionId, time.GetUtcNow(), reason, cancellationToken);

    /// <summary>The instant from which access tokens count again after a revocation: the next whole second.</summary>
    public DateTimeOffset NextTokenEpoch() => TokenIssuer.Truncate(time.GetUtcNow()).AddSeconds(1);

    private async Task<RefreshOutcome> RevokeReusedAsync(RefreshToken stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeFamilyAsync(stored.FamilyId, now, RevocationReasons.Reused, cancellationToken);
        return RefreshOutcome.Reused(stored.UserId);
    }

    private async Task<TokenPair> IssueAsync(User user, string familyId, CancellationToken cancellationToken, string? refreshToken = null)
    {
        refreshToken ??= SecretTokens.New();
        var now = time.GetUtcNow();
        var created = await refreshTokens.CreateAsync(new RefreshToken
        {
            Id = SecretTokens.Hash(refreshToken),
            UserId = user.Id,
            FamilyId = familyId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        }, cancellationToken) ?? throw new InvalidOperationException("A new refresh token collided with a stored one.");

        var accessToken = await issuer.IssueAccessTokenAsync(user, created.FamilyId, cancellationToken);
        return new TokenPair(accessToken, refreshToken, (int)issuer.AccessTokenLifetime.TotalSeconds);
    }
}

public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>What a refresh came to: new tokens, an unknown/expired/revoked token, or a reused one (the family is now revoked).</summary>
public sealed record RefreshOutcome(TokenPair? Tokens, User? User, string? ReusedByUserId)
{
    public static readonly RefreshOutcome Invalid = new(null, null, null);

    public static RefreshOutcome Rotated(User user, TokenPair tokens) => new(tokens, user, null);

    public static RefreshOutcome Reused(string userId) => new(null, null, userId);
}
