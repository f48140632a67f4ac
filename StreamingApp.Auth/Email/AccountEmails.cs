using Microsoft.Extensions.Options;
using MimeKit;
using StreamingApp.Auth.Options;

namespace StreamingApp.Auth.Email;

/// <summary>The messages Auth sends, with links to the Frontend's account pages.</summary>
public sealed class AccountEmails(EmailOutbox outbox, IOptions<EmailOptions> emailOptions, IOptions<AuthOptions> authOptions, IConfiguration configuration)
{
    public const string VerifyEmailPath = "/account/verify-email";
    public const string ResetPasswordPath = "/account/reset-password";

    /// <summary><c>Auth:FrontendBaseUrl</c>, else the Frontend found through service discovery, else its local address.</summary>
    public string FrontendBaseUrl => (authOptions.Value.FrontendBaseUrl
        ?? configuration["services:frontend:https:0"]
        ?? configuration["services:frontend:http:0"]
        ?? "http://localhost:5080").TrimEnd('/');

    public void SendVerification(User user, string token) => outbox.Enqueue(Message(
        user,
        "Confirm your StreamingApp email address",
        $"""
        Hello {user.DisplayName},

        confirm your email address to finish setting up your StreamingApp account:

        {Link(VerifyEmailPath, token)}

        The link works once and expires in {Describe(authOptions.Value.EmailVerificationLifetime)}.
        If you did not create an account, ignore this message.
        """));

    public void SendPasswordReset(User user, string token) => outbox.Enqueue(Message(
        user,
        "Reset your StreamingApp password",
        $"""
        Hello {user.DisplayName},

        someone asked to reset the password of your StreamingApp account. To choose a new password, open:

        {Link(ResetPasswordPath, token)}

        The link works once and expires in {Describe(authOptions.Value.PasswordResetLifetime)}. Resetting signs you out everywhere.
        If it was not you, ignore this message; your password stays as it is.
        """));

    private string Link(string path, string token) => $"{FrontendBaseUrl}{path}?token={Uri.EscapeDataString(token)}";

    private MimeMessage Message(User user, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(emailOptions.Value.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email));
        return message;
    }

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0.#} hours" : $"{lifetime.TotalMinutes:0} minutes";
}
