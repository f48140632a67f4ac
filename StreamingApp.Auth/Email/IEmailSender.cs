using MimeKit;

namespace StreamingApp.Auth.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
