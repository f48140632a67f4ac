using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Audit;

/// <summary>A security-relevant event: what happened, to which account, who did it, when and from where.</summary>
public sealed record AuditEvent : IVersionedDocument<AuditEvent>
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="AuditEventTypes"/>.</summary>
    public required string Type { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The account concerned; <c>null</c> for a failed sign-in with an unknown email.</summary>
    public string? UserId { get; init; }

    /// <summary>Who acted: the user themself, or an admin; <c>null</c> when anonymous.</summary>
    public string? ActorId { get; init; }

    /// <summary>The email given, for failed sign-ins (also those of unknown accounts).</summary>
    public string? Email { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>When the event is deleted (retention).</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public long Version { get; init; }

    public AuditEvent WithVersion(long version) => this with { Version = version };
}

public static class AuditEventTypes
{
    public const string Registered = "account.registered";
    public const string EmailVerified = "account.email-verified";
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string RefreshTokenReused = "refresh-token.reused";
    public const string SignedOutEverywhere = "sign-out.everywhere";
    public const string PasswordChanged = "password.changed";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordReset = "password.reset";
    public const string RolesChanged = "roles.changed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string RecoveryCodeUsed = "two-factor.recovery-code-used";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
}

public interface IAuditStore
{
    Task<AuditEvent?> CreateAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>The newest events of one account, newest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken);

    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
