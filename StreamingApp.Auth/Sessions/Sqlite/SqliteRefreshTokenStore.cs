using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.Sessions.Sqlite;

public sealed class SqliteRefreshTokenStore(SqliteDatabase database) : DocumentStore<RefreshToken>(Table(database)), IRefreshTokenStore
{
    private readonly SqliteDocumentTable<RefreshToken> _tokens = Table(database);

    private static SqliteDocumentTable<RefreshToken> Table(SqliteDatabase database) => new(database, "refresh_tokens", token => new Dictionary<string, object?>
    {
        ["user_id"] = token.UserId,
        ["family_id"] = token.FamilyId,
        ["expires_at"] = token.ExpiresAt,
        ["revoked_at"] = token.RevokedAt,
    });

    public Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        _tokens.UpdateManyAsync(Revocation(at, reason), "WHERE t.family_id = @familyId AND t.revoked_at IS NULL", new { familyId }, cancellationToken);

    public Task<int> RevokeUserAsync(string userId, string? keepFamilyId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        _tokens.UpdateManyAsync(
            Revocation(at, reason),
            "WHERE t.user_id = @userId AND t.revoked_at IS NULL AND (@keepFamilyId IS NULL OR t.family_id <> @keepFamilyId)",
            new { userId, keepFamilyId },
            cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _tokens.DeleteManyAsync("WHERE t.expires_at < @now", new { now }, cancellationToken);

    private static DocumentField[] Revocation(DateTimeOffset at, string reason) =>
        [new("revokedAt", "revoked_at", at), new("revokedReason", null, reason)];
}
