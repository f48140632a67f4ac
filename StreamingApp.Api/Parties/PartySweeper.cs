using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Parties;

/// <summary>
/// Runs on every instance: finds parties whose <see cref="Party.DueAt"/> has come and advances them (waits that
/// timed out, silent connections, absent hosts, expiry), and purges ended parties after their retention. Instances
/// race for the same parties on purpose: the versioned write lets exactly one of them apply and announce each
/// change, and a party is never stuck because the instance that started a wait went away.
/// </summary>
public sealed class PartySweeper(
    IPartyStore parties, IPartyMessageStore messages, PartyCoordinator coordinator, PartyRules rules,
    IOptions<PartyOptions> options, TimeProvider time, ILogger<PartySweeper> logger) : BackgroundService
{
    /// <summary>Parties handled per pass; more wait for the next pass a moment later.</summary>
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sweeping watch parties failed; trying again at the next interval");
            }

            try
            {
                // Jittered, so the instances' passes drift apart instead of colliding every time.
                await Task.Delay(options.Value.SweepInterval * (0.8 + Random.Shared.NextDouble() * 0.4), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var party in await parties.ListDueAsync(time.GetUtcNow(), BatchSize, cancellationToken))
        {
            if (party.HasEnded)
            {
                // Messages first: if the party's deletion fails, the next pass finds it and tries again.
                await messages.DeleteForPartyAsync(party.Id, cancellationToken);
                await parties.DeleteAsync(party.Id, cancellationToken);
                continue;
            }

            await coordinator.ChangeAsync(party.Id, rules.Advance, cancellationToken);
        }
    }
}
