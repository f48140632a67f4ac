using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>
/// This process's copy of Auth's revocation feed: per subject, the instant before which its tokens are refused.
/// Filled by <see cref="RevocationFeedPoller"/>; read on every authenticated request, so lookups never wait on the network.
/// </summary>
public sealed class RevocationList(IOptions<TokenAuthenticationOptions> options, TimeProvider time) : IAccessTokenRevocation
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _createdAt = time.GetUtcNow();
    private long _lastSyncTicks;

    private RevocationFeedOptions Settings => options.Value.Revocations;

    /// <summary>When the feed last answered; <c>null</c> before the first answer.</summary>
    public DateTimeOffset? LastSyncedAt => Interlocked.Read(ref _lastSyncTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The feed has not answered for longer than the configured staleness (counted from start-up before the first answer).</summary>
    public bool IsStale => time.GetUtcNow() - (LastSyncedAt ?? _createdAt) > Settings.MaxStaleness;

    public int Count => _notBefore.Count;

    public ValueTask<bool> IsRevokedAsync(string subject, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        if (Settings.FailClosed && IsStale)
        {
            return ValueTask.FromResult(true);
        }

        // Token times are whole seconds, so a token is refused when issued in the second of its revocation or before.
        return ValueTask.FromResult(_notBefore.TryGetValue(subject, out var notBefore) && issuedAt < notBefore);
    }

    /// <summary>Merges a page of the feed and forgets entries older than the feed's window (their tokens have expired).</summary>
    public void Apply(RevocationFeedPage page)
    {
        foreach (var item in page.Items)
        {
            _notBefore.AddOrUpdate(item.Subject, item.NotBefore, (_, known) => known > item.NotBefore ? known : item.NotBefore);
        }

        var horizon = time.GetUtcNow() - TimeSpan.FromSeconds(page.WindowSeconds);
        foreach (var (subject, notBefore) in _notBefore)
        {
            if (notBefore < horizon)
            {
                _notBefore.TryRemove(new KeyValuePair<string, DateTimeOffset>(subject, notBefore));
            }
        }

        Interlocked.Exchange(ref _lastSyncTicks, time.GetUtcNow().UtcTicks);
    }
}

internal sealed class RevocationFeedHealthCheck(RevocationList revocations, IOptions<TokenAuthenticationOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["revokedSubjects"] = revocations.Count };
        if (revocations.LastSyncedAt is { } synced)
        {
            data["lastSyncedAt"] = synced;
        }

        // Degraded, not Unhealthy: signatures still verify with cached keys, so the service keeps serving.
        return Task.FromResult(revocations.IsStale
            ? HealthCheckResult.Degraded(
                $"The revocation feed has not answered for more than {options.Value.Revocations.MaxStaleness}" +
                (options.Value.Revocations.FailClosed ? "; every access token is refused until it does." : "; revoked tokens may be accepted until they expire."),
                data: data)
            : HealthCheckResult.Healthy("Revocation feed is current.", data));
    }
}
