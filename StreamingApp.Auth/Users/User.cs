using System.Text.Json.Serialization;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Users;

/// <summary>An account. The email is unique after normalization (trimmed, upper-case invariant).</summary>
public sealed record User : IVersionedDocument<User>
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash format (algorithm and iteration count are part of the hash).</summary>
    public string PasswordHash { get; init; } = string.Empty;

    public IReadOnlyList<string> Roles { get; init; } = [AppRoles.Viewer];

    public bool EmailVerified { get; init; }

    public bool Disabled { get; init; }

    /// <summary>
    /// Access tokens issued before this instant are refused (set by signing out everywhere, a password reset and disabling).
    /// Always a whole second, because token times are.
    /// </summary>
    public DateTimeOffset? TokensValidAfter { get; init; }

    /// <summary>Consecutive failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The TOTP secret once two-factor sign-in is on, encrypted with the key-encryption key.</summary>
    public string? TotpSecret { get; init; }

    /// <summary>A secret handed out by set-up and not yet confirmed with a code, encrypted.</summary>
    public string? PendingTotpSecret { get; init; }

    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long LastTotpTimeStep { get; init; }

    /// <summary>SHA-256 hashes of the unused recovery codes.</summary>
    public IReadOnlyList<string> RecoveryCodeHashes { get; init; } = [];

    public DateTimeOffset? LastSignInAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented by every write; a write based on an older version is refused (optimistic concurrency).</summary>
    public long Version { get; init; }

    [JsonIgnore]
    public bool TotpEnabled => TotpSecret is not null;

    public User WithVersion(long version) => this with { Version = version };

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
