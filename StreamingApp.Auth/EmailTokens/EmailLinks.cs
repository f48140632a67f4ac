using Microsoft.Extensions.Options;
using StreamingApp.Auth.Email;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.EmailTokens;

/// <summary>Issues and redeems the single-use tokens in verification and password reset emails.</summary>
public sealed class EmailLinks(IEmailTokenStore tokens, AccountEmails emails, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task SendVerificationAsync(User user, CancellationToken cancellationToken) =>
        emails.SendVerification(user, await IssueAsync(user, EmailTokenPurpose.VerifyEmail, options.Value.EmailVerificationLifetime, cancellationToken));

    public async Task SendPasswordResetAsync(User user, CancellationToken cancellationToken) =>
        emails.SendPasswordReset(user, await IssueAsync(user, EmailTokenPurpose.ResetPassword, options.Value.PasswordResetLifetime, cancellationToken));

    /// <summary>The stored token for <paramref name="value"/> if it exists, has that purpose and has not expired.</summary>
    public async Task<EmailToken?> FindAsync(string value, EmailTokenPurpose purpose, CancellationToken cancellationToken) =>
        await tokens.GetAsync(SecretTokens.Hash(value.Trim()), cancellationToken) is { } token
        && token.Purpose == purpose
        && token.ExpiresAt > time.GetUtcNow()
            ? token
            : null;

    /// <summary>Uses the token up; <c>false</c> when a concurrent request used it first.</summary>
    public async Task<bool> RedeemAsync(EmailToken token, CancellationToken cancellationToken)
    {
        var redeemed = await tokens.DeleteAsync(token.Id, cancellationToken);
        if (redeemed)
        {
            await tokens.DeleteForUserAsync(token.UserId, token.Purpose, cancellationToken);
        }

        return redeemed;
    }

    private async Task<string> IssueAsync(User user, EmailTokenPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var value = SecretTokens.New();
        var now = time.GetUtcNow();
        await tokens.CreateAsync(new EmailToken
        {
            Id = SecretTokens.Hash(value),
            UserId = user.Id,
            Purpose = purpose,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, cancellationToken);
        return value;
    }
}
