using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StreamingApp.Auth.Options;

namespace StreamingApp.Auth.Abuse;

/// <summary>
/// Failed sign-ins for emails without an account lock out exactly like real accounts (in memory, per replica), so a
/// 429 after a few wrong passwords does not reveal that an account exists.
/// </summary>
public sealed class UnknownAccountLockout(IOptions<AuthOptions> options, TimeProvider time) : IDisposable
{
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private LockoutOptions Settings => options.Value.Lockout;

    /// <summary>How long the email is still locked out, or <c>null</c>.</summary>
    public TimeSpan? RemainingLockout(string normalizedEmail) =>
        _failures.TryGetValue(normalizedEmail, out Entry? entry) && entry!.LockedUntil is { } until && until > time.GetUtcNow()
            ? until - time.GetUtcNow()
            : null;

    public void RecordFailure(string normalizedEmail)
    {
        var now = time.GetUtcNow();
        var entry = _failures.TryGetValue(normalizedEmail, out Entry? known) && known is not null ? known : new Entry();
        lock (entry)
        {
            entry.Failures++;
            if (entry.Failures >= Settings.MaxFailures)
            {
                entry.LockedUntil = now + Settings.Duration;
                entry.Failures = 0;
            }
        }

        _failures.Set(normalizedEmail, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Settings.Duration });
    }

    public void Dispose() => _failures.Dispose();

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
