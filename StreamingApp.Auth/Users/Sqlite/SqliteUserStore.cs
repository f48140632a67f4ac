using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.Users.Sqlite;

public sealed class SqliteUserStore(SqliteDatabase database) : DocumentStore<User>(Table(database)), IUserStore
{
    private readonly SqliteDocumentTable<User> _users = Table(database);

    private static SqliteDocumentTable<User> Table(SqliteDatabase database) => new(database, "users", user => new Dictionary<string, object?>
    {
        ["normalized_email"] = user.NormalizedEmail,
        ["display_name"] = user.DisplayName,
        ["tokens_valid_after"] = user.TokensValidAfter,
        ["created_at"] = user.CreatedAt,
    });

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await _users.QueryAsync("WHERE t.normalized_email = @email", new { email = User.Normalize(email) }, cancellationToken)).SingleOrDefault();

    public async Task<UserPage> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var where = string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : @"WHERE t.normalized_email LIKE @Pattern ESCAPE '\' OR t.display_name LIKE @Pattern ESCAPE '\'";
        var parameters = new { Pattern = $"%{EscapeLike(text?.Trim() ?? string.Empty)}%", Limit = pageSize, Offset = (page - 1) * pageSize };
        var total = await _users.CountAsync(where, parameters, cancellationToken);
        var items = await _users.QueryAsync($"{where} ORDER BY t.created_at, t.id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken);
        return new UserPage(items, total);
    }

    public Task<IReadOnlyList<User>> ListRevokedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        _users.QueryAsync("WHERE t.tokens_valid_after >= @since ORDER BY t.tokens_valid_after, t.id LIMIT @limit", new { since, limit }, cancellationToken);

    // LIKE is case-insensitive for ASCII in SQLite; the escapes make % and _ in the search text literal.
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
