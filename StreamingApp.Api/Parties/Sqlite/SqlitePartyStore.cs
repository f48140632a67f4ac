using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.Parties.Sqlite;

public sealed class SqlitePartyStore(SqliteDatabase database) : DocumentStore<Party>(Table(database)), IPartyStore
{
    private readonly SqliteDocumentTable<Party> _parties = Table(database);

    private static SqliteDocumentTable<Party> Table(SqliteDatabase database) => new(database, "parties", party => new Dictionary<string, object?>
    {
        ["video_id"] = party.VideoId,
        ["invite_code"] = party.InviteCode,
        ["due_at"] = party.DueAt,
    });

    public async Task<Party?> GetByInviteCodeAsync(string inviteCode, CancellationToken cancellationToken) =>
        (await _parties.QueryAsync("WHERE t.invite_code = @inviteCode", new { inviteCode }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Party>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _parties.QueryAsync("WHERE t.due_at <= @now ORDER BY t.due_at, t.id LIMIT @limit", new { now, limit }, cancellationToken);
}
