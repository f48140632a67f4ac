using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.Audit.Sqlite;

public sealed class SqliteAuditStore(SqliteDatabase database) : DocumentStore<AuditEvent>(Table(database)), IAuditStore
{
    private readonly SqliteDocumentTable<AuditEvent> _events = Table(database);

    private static SqliteDocumentTable<AuditEvent> Table(SqliteDatabase database) => new(database, "audit_events", auditEvent => new Dictionary<string, object?>
    {
        ["user_id"] = auditEvent.UserId,
        ["type"] = auditEvent.Type,
        ["at"] = auditEvent.At,
        ["expires_at"] = auditEvent.ExpiresAt,
    });

    public Task<IReadOnlyList<AuditEvent>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        _events.QueryAsync("WHERE t.user_id = @userId ORDER BY t.at DESC, t.id DESC LIMIT @limit", new { userId, limit }, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _events.DeleteManyAsync("WHERE t.expires_at < @now", new { now }, cancellationToken);
}
