using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using StreamingApp.Auth.Options;

namespace StreamingApp.Auth.Email;

/// <summary>Sends through the SMTP server in <c>Email:Smtp</c> (MailKit), one connection per message.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, ParseSecurity(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent email \"{Subject}\" through {Host}", message.Subject, smtp.Host);
    }

    public static SecureSocketOptions ParseSecurity(string value) =>
        Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var security)
            ? security
            : throw new InvalidOperationException($"Email:Smtp:Security is '{value}'; use StartTls, SslOnConnect, StartTlsWhenAvailable, Auto or None.");
}
