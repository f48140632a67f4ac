using MimeKit;

namespace StreamingApp.Auth.Email;

/// <summary>
/// Writes each message as an <c>.eml</c> file (local use and tests need no mail server). Files appear whole: each is
/// written under a temporary name and renamed. The log names the file, never its content, which holds the token.
/// </summary>
public sealed class PickupDirectoryEmailSender(string directory, TimeProvider time, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public string Directory => directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(directory, name + ".tmp");
        var path = Path.Combine(directory, name + ".eml");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path);
        logger.LogInformation("Wrote email \"{Subject}\" to {Path}", message.Subject, path);
    }
}
