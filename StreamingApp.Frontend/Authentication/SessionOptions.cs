namespace StreamingApp.Frontend.Authentication;

/// <summary>How the web UI keeps a signed-in user's session (configuration section <c>Session</c>).</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Session";

    /// <summary>The access token is renewed when it expires within this margin, so no Api call starts with a token about to lapse.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the session cookie lives without a visit (sliding); the refresh token's own lifetime still bounds it.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long the result of one refresh is reused for requests that still carry the previous refresh token (a
    /// page's parallel requests racing the new cookie); presenting a used refresh token to Auth again would revoke the session.
    /// </summary>
    public TimeSpan RefreshReuseWindow { get; set; } = TimeSpan.FromSeconds(30);
}
