namespace StreamingApp.Api.Parties;

/// <summary>The outcome of one change: the party before and after (the same when nothing changed), or why it was refused.</summary>
public sealed record PartyUpdate(Party? Before, Party? After, PartyError? Refusal)
{
    public static readonly PartyUpdate NotFound = new(null, null, PartyError.NotFound);

    public bool Changed => Before is not null && After is not null && Before.Version != After.Version;
}

/// <summary>
/// Applies a rule to the stored party and tells the members what changed. Writes use optimistic concurrency: when
/// another instance wrote first, the party is read again and the rule decides again on the new state. Within this
/// process, changes to one party queue behind each other, so they neither conflict nor reach members out of order.
/// </summary>
public sealed class PartyCoordinator(IPartyStore store, PartyRules rules, PartyNotifier notifier, TimeProvider time)
{
    // Each conflict costs one read; other instances writing the same party at the same moment are few.
    private const int MaxAttempts = 20;

    private readonly KeyedLock _locks = new();

    public async Task<PartyUpdate> ChangeAsync(string partyId, Func<Party, DateTimeOffset, PartyDecision> decide, CancellationToken cancellationToken)
    {
        using var _ = await _locks.AcquireAsync(partyId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(partyId, cancellationToken) is not { } current)
            {
                return PartyUpdate.NotFound;
            }

            var decision = decide(current, time.GetUtcNow());
            if (decision.Changed is not { } changed)
            {
                return new PartyUpdate(current, current, decision.Refusal);
            }

            if (await store.UpdateAsync(changed with { DueAt = rules.DueAt(changed) }, cancellationToken) is { } stored)
            {
                await notifier.PublishAsync(current, stored, cancellationToken);
                return new PartyUpdate(current, stored, null);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Party {partyId} kept changing under {MaxAttempts} attempts to update it.");
            }
        }
    }

    /// <summary>One asynchronous lock per key, created on first use and dropped when nobody holds or waits for it.</summary>
    private sealed class KeyedLock
    {
        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

        public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
        {
            Entry entry;
            lock (_entries)
            {
                if (!_entries.TryGetValue(key, out entry!))
                {
                    _entries[key] = entry = new Entry();
                }

                entry.Users++;
            }

            try
            {
                await entry.Semaphore.WaitAsync(cancellationToken);
            }
            catch
            {
                Forget(key, entry);
                throw;
            }

            return new Releaser(() =>
            {
                entry.Semaphore.Release();
                Forget(key, entry);
            });
        }

        private void Forget(string key, Entry entry)
        {
            lock (_entries)
            {
                if (--entry.Users == 0)
                {
                    _entries.Remove(key);
                    entry.Semaphore.Dispose();
                }
            }
        }

        private sealed class Entry
        {
            public SemaphoreSlim Semaphore { get; } = new(1, 1);

            public int Users { get; set; }
        }

        private sealed class Releaser(Action release) : IDisposable
        {
            public void Dispose() => release();
        }
    }
}
