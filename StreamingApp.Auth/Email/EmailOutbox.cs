using System.Threading.Channels;
using MimeKit;

namespace StreamingApp.Auth.Email;

/// <summary>
/// Sends mail in the background. Requests only enqueue, so a slow mail server neither delays them nor shows, through
/// response times, whether a message was sent (which would tell whether an account exists). A message that still fails
/// after a few tries is logged and dropped; the person can ask for a new link.
/// </summary>
public sealed class EmailOutbox(IEmailSender sender, TimeProvider time, ILogger<EmailOutbox> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
        dropped => logger.LogError("The email queue is full; dropped \"{Subject}\"", dropped.Subject));

    public void Enqueue(MimeMessage message) => _queue.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    await sender.SendAsync(message, stoppingToken);
                    break;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Sending email \"{Subject}\" failed (attempt {Attempt} of {MaxAttempts})", message.Subject, attempt, MaxAttempts);
                    if (attempt < MaxAttempts)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5 * attempt), time, stoppingToken);
                    }
                }
            }
        }
    }
}
