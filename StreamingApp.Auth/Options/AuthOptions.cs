namespace StreamingApp.Auth.Options;

/// <summary>Settings of the Auth service (configuration section <c>Auth</c>; the token audience is <c>Auth:Audience</c>, shared with the validating services).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The <c>iss</c> of every token and of the discovery document. Unset: the address this service listens on.</summary>
    public string? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Refuse sign-in until the email address is verified.</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Where email links point. Unset: <c>services:frontend:http:0</c>, else <c>http://localhost:5080</c>.</summary>
    public string? FrontendBaseUrl { get; set; }

    /// <summary>
    /// Base64 of 32 random bytes that encrypt signing keys and TOTP secrets (AES-256-GCM). Unset: generated once into
    /// <c>{DataDirectory}/keys/key-encryption-key</c> (mode 0600). Set it from a secret store wherever replicas share a database.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    public PasswordOptions Passwords { get; set; } = new();

    public LockoutOptions Lockout { get; set; } = new();

    public SigningKeyOptions SigningKeys { get; set; } = new();

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public AuditOptions Audit { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        if (AccessTokenLifetime < TimeSpan.FromMinutes(1) || AccessTokenLifetime > TimeSpan.FromHours(24))
        {
            yield return "Auth:AccessTokenLifetime must be between 1 minute and 24 hours.";
        }

        if (RefreshTokenLifetime <= AccessTokenLifetime)
        {
            yield return "Auth:RefreshTokenLifetime must be longer than Auth:AccessTokenLifetime.";
        }

        if (EmailVerificationLifetime <= TimeSpan.Zero || PasswordResetLifetime <= TimeSpan.Zero)
        {
            yield return "Auth:EmailVerificationLifetime and Auth:PasswordResetLifetime must be positive.";
        }

        if (Passwords.IterationCount < 1)
        {
            yield return "Auth:Passwords:IterationCount must be positive.";
        }

        if (Lockout.MaxFailures < 1 || Lockout.Duration <= TimeSpan.Zero)
        {
            yield return "Auth:Lockout:MaxFailures and Auth:Lockout:Duration must be positive.";
        }

        if (SigningKeys.PublishAhead < TimeSpan.Zero || SigningKeys.PublishAhead >= SigningKeys.RotationInterval)
        {
            yield return "Auth:SigningKeys:PublishAhead must be shorter than Auth:SigningKeys:RotationInterval.";
        }

        if (SigningKeys.ReloadInterval <= TimeSpan.Zero || SigningKeys.ReloadInterval >= SigningKeys.PublishAhead && SigningKeys.PublishAhead > TimeSpan.Zero)
        {
            yield return "Auth:SigningKeys:ReloadInterval must be positive and shorter than Auth:SigningKeys:PublishAhead.";
        }

        if (Issuer is { Length: > 0 } issuer && !Uri.TryCreate(issuer, UriKind.Absolute, out _))
        {
            yield return "Auth:Issuer must be an absolute URL.";
        }

        if (FrontendBaseUrl is { Length: > 0 } frontend && !Uri.TryCreate(frontend, UriKind.Absolute, out _))
        {
            yield return "Auth:FrontendBaseUrl must be an absolute URL.";
        }

        foreach (var (name, policy) in RateLimits.All)
        {
            if (policy.PermitsPerIp < 1 || policy.PermitsPerAccount < 1 || policy.Window <= TimeSpan.Zero)
            {
                yield return $"Auth:RateLimits:{name} needs positive PermitsPerIp, PermitsPerAccount and Window.";
            }
        }
    }
}

public sealed class PasswordOptions
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations; stored hashes with fewer are upgraded at the next sign-in.</summary>
    public int IterationCount { get; set; } = 210_000;
}

public sealed class LockoutOptions
{
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class SigningKeyOptions
{
    /// <summary>How long one key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a successor is published in the JWKS before it signs, so every validator has it in time.</summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often each replica re-reads the keys from the database.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrator";
}

public sealed class RateLimitOptions
{
    public RateLimitPolicyOptions Register { get; set; } = new() { PermitsPerIp = 10, PermitsPerAccount = 3, Window = TimeSpan.FromHours(1) };

    public RateLimitPolicyOptions Login { get; set; } = new() { PermitsPerIp = 30, PermitsPerAccount = 10, Window = TimeSpan.FromMinutes(5) };

    public RateLimitPolicyOptions ForgotPassword { get; set; } = new() { PermitsPerIp = 10, PermitsPerAccount = 3, Window = TimeSpan.FromHours(1) };

    public RateLimitPolicyOptions Totp { get; set; } = new() { PermitsPerIp = 30, PermitsPerAccount = 10, Window = TimeSpan.FromMinutes(5) };

    public IEnumerable<(string Name, RateLimitPolicyOptions Policy)> All =>
        [(nameof(Register), Register), (nameof(Login), Login), (nameof(ForgotPassword), ForgotPassword), (nameof(Totp), Totp)];
}

public sealed class RateLimitPolicyOptions
{
    public int PermitsPerIp { get; set; }

    public int PermitsPerAccount { get; set; }

    public TimeSpan Window { get; set; }
}

public sealed class AuditOptions
{
    /// <summary>How long audit events are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);
}
