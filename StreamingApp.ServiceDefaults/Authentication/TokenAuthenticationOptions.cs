namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>How a service validates access tokens (configuration section <c>Auth</c>).</summary>
public sealed class TokenAuthenticationOptions
{
    public const string SectionName = "Auth";

    public const string DefaultAudience = "streamingapp-api";

    /// <summary>
    /// Base URL of the OpenID Connect provider (its metadata is at <c>{Authority}/.well-known/openid-configuration</c>).
    /// Unset: StreamingApp.Auth, found through service discovery (<c>services:auth:https:0</c>, then <c>services:auth:http:0</c>).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>
    /// The claim that carries the audience: <c>aud</c> (standard), or for example <c>client_id</c> for providers whose
    /// access tokens name the client instead (Amazon Cognito).
    /// </summary>
    public string AudienceClaim { get; set; } = "aud";

    /// <summary>The claim whose values are the user's roles (<c>cognito:groups</c> for Amazon Cognito).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Unset: metadata must come over HTTPS unless the authority is a loopback address.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Tolerance for clock differences between the issuer and this service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public RevocationFeedOptions Revocations { get; set; } = new();
}

/// <summary>
/// How this service learns, before their access tokens expire, about accounts that were disabled or signed out everywhere.
/// </summary>
public sealed class RevocationFeedOptions
{
    /// <summary>Turn off for an external OpenID Connect provider, which has no revocation feed.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old the last successful poll may be before the health check reports Degraded (and, with <see cref="FailClosed"/>, tokens are refused).</summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Refuse every token while the feed is stale, instead of trusting signatures alone until Auth answers again.</summary>
    public bool FailClosed { get; set; }

    /// <summary>
    /// Shared secret that authenticates pollers to Auth. Auth requires it when set; when unset, Auth answers only loopback callers.
    /// </summary>
    public string? Secret { get; set; }
}
