namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>
/// The contract of Auth's revocation feed: subjects whose access tokens issued before <see cref="RevokedSubject.NotBefore"/>
/// must be refused (account disabled, signed out everywhere, password reset).
/// </summary>
public static class RevocationFeed
{
    public const string Path = "/api/auth/revocations";

    /// <summary>Carries <see cref="RevocationFeedOptions.Secret"/>; a header of its own so bearer authentication ignores it.</summary>
    public const string SecretHeader = "X-Revocation-Feed-Secret";
}

/// <param name="AsOf">Poll again with <c>since</c> set to this value (the feed repeats entries at that instant, which is harmless).</param>
/// <param name="WindowSeconds">How long an entry matters: the longest an access token lives, plus clock skew.</param>
/// <param name="HasMore">The page was cut; poll again at once.</param>
public sealed record RevocationFeedPage(IReadOnlyList<RevokedSubject> Items, DateTimeOffset AsOf, int WindowSeconds, bool HasMore);

public sealed record RevokedSubject(string Subject, DateTimeOffset NotBefore);
