using StreamingApp.Auth.Audit;
using StreamingApp.Auth.EmailTokens;

namespace StreamingApp.Auth.Sessions;

/// <summary>
/// Deletes expired refresh tokens, email tokens and audit events every hour. MongoDB's TTL indexes do the same on
/// their own; SQLite needs this.
/// </summary>
public sealed class ExpiredRecordsCleanup(
    IRefreshTokenStore refreshTokens,
    IEmailTokenStore emailTokens,
    IAuditStore audit,
    TimeProvider time,
    ILogger<ExpiredRecordsCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var now = time.GetUtcNow();
                var deleted = await refreshTokens.DeleteExpiredAsync(now, stoppingToken)
                    + await emailTokens.DeleteExpiredAsync(now, stoppingToken)
                    + await audit.DeleteExpiredAsync(now, stoppingToken);
                logger.LogDebug("Deleted {Count} expired records", deleted);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Deleting expired records failed; trying again in {Interval}", Interval);
            }
        }
    }
}
