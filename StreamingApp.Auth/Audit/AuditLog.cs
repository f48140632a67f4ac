using Microsoft.Extensions.Options;
using StreamingApp.Auth.Options;

namespace StreamingApp.Auth.Audit;

/// <summary>Records audit events with the caller's address (after trusted proxies) and user agent.</summary>
public sealed class AuditLog(IAuditStore store, IHttpContextAccessor http, IOptions<AuthOptions> options, TimeProvider time)
{
    private const int MaxUserAgentLength = 256;

    public async Task RecordAsync(
        string type,
        string? userId,
        CancellationToken cancellationToken,
        string? actorId = null,
        string? email = null,
        IReadOnlyDictionary<string, string>? details = null)
    {
        var context = http.HttpContext;
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        var now = time.GetUtcNow();
        await store.CreateAsync(new AuditEvent
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Type = type,
            At = now,
            UserId = userId,
            ActorId = actorId,
            Email = email?.Length > Apis.RequestValidation.MaxEmailLength ? email[..Apis.RequestValidation.MaxEmailLength] : email,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent,
            Details = details ?? new Dictionary<string, string>(),
            ExpiresAt = now + options.Value.Audit.Retention,
        }, cancellationToken);
    }
}
