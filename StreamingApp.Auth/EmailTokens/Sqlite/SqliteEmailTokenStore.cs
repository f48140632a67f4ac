using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.EmailTokens.Sqlite;

public sealed class SqliteEmailTokenStore(SqliteDatabase database) : DocumentStore<EmailToken>(Table(database)), IEmailTokenStore
{
    private readonly SqliteDocumentTable<EmailToken> _tokens = Table(database);

    private static SqliteDocumentTable<EmailToken> Table(SqliteDatabase database) => new(database, "email_tokens", token => new Dictionary<string, object?>
    {
        ["user_id"] = token.UserId,
        ["purpose"] = DocumentJson.EnumText(token.Purpose),
        ["expires_at"] = token.ExpiresAt,
    });

    public Task<int> DeleteForUserAsync(string userId, EmailTokenPurpose purpose, CancellationToken cancellationToken) =>
        _tokens.DeleteManyAsync("WHERE t.user_id = @userId AND t.purpose = @purpose", new { userId, purpose = DocumentJson.EnumText(purpose) }, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _tokens.DeleteManyAsync("WHERE t.expires_at < @now", new { now }, cancellationToken);
}
