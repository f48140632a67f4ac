namespace StreamingApp.Auth.Sessions;

/// <summary>
/// Auth checks its own callers against the account itself, with no delay: refused when the account is gone or
/// disabled, or the token predates <see cref="User.TokensValidAfter"/>.
/// </summary>
public sealed class StoredTokenRevocation(IUserStore users) : IAccessTokenRevocation
{
    public async ValueTask<bool> IsRevokedAsync(string subject, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        await users.GetAsync(subject, cancellationToken) is not { } user
        || user.Disabled
        || user.TokensValidAfter is { } validAfter && issuedAt < validAfter;
}
