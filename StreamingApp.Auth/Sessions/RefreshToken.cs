using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Sessions;

/// <summary>
/// One refresh token, stored only as the SHA-256 of its value. Tokens issued by rotating each other form a family
/// (one signed-in session); presenting a token that was already rotated revokes the whole family.
/// </summary>
public sealed record RefreshToken : IVersionedDocument<RefreshToken>
{
    /// <summary>Hex SHA-256 of the token value.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The session: the id shared by every token rotated from the first one, and the <c>sid</c> claim of its access tokens.</summary>
    public required string FamilyId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was exchanged for its successor; a second use is theft or a replay.</summary>
    public DateTimeOffset? UsedAt { get; init; }

    public string? ReplacedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedReason { get; init; }

    public long Version { get; init; }

    public RefreshToken WithVersion(long version) => this with { Version = version };
}

public interface IRefreshTokenStore
{
    /// <summary>Adds the token; <c>null</c> when its hash already exists.</summary>
    Task<RefreshToken?> CreateAsync(RefreshToken token, CancellationToken cancellationToken);

    Task<RefreshToken?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the token if unchanged since read: of two concurrent rotations of one token exactly one succeeds.</summary>
    Task<RefreshToken?> UpdateAsync(RefreshToken token, CancellationToken cancellationToken);

    /// <summary>Revokes every unrevoked token of the family; how many were revoked.</summary>
    Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    /// <summary>Revokes every unrevoked token of the user except those of <paramref name="keepFamilyId"/>.</summary>
    Task<int> RevokeUserAsync(string userId, string? keepFamilyId, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    /// <summary>Removes tokens that expired before <paramref name="now"/> (MongoDB also does this itself with a TTL index).</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public static class RevocationReasons
{
    public const string SignedOut = "signed-out";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string Reused = "reused";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string AccountDisabled = "account-disabled";
}
