using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.Users.Sqlite;

public sealed class SqliteUserStore(SqliteDatabase database) : DocumentStore<User>(Table(database)), IUserStore
{
    private readonly SqliteDocumentTable<User> _users = Table(database);

    private static SqliteDocumentTable<User> Table(SqliteDatabase database) => new(database, "users", user => new Dictionary<string, object?>
    {
        ["normalized_email"] = user.NormalizedEmail,
        ["created_at"] = user.CreatedAt,
    });

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await _users.QueryAsync("WHERE t.normalized_email = @email", new { email = User.Normalize(email) }, cancellationToken)).SingleOrDefault();
}
