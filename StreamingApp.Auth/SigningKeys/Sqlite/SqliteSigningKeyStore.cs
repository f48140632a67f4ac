using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.SigningKeys.Sqlite;

public sealed class SqliteSigningKeyStore(SqliteDatabase database) : DocumentStore<SigningKey>(Table(database)), ISigningKeyStore
{
    private readonly SqliteDocumentTable<SigningKey> _keys = Table(database);

    private static SqliteDocumentTable<SigningKey> Table(SqliteDatabase database) => new(database, "signing_keys", key => new Dictionary<string, object?>
    {
        ["predecessor_id"] = key.PredecessorId,
        ["activates_at"] = key.ActivatesAt,
    });

    public Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken) =>
        _keys.QueryAsync("ORDER BY t.activates_at, t.id", null, cancellationToken);
}
