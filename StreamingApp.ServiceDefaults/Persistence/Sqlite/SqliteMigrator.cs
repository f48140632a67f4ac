using Dapper;

namespace StreamingApp.ServiceDefaults.Persistence.Sqlite;

/// <summary>
/// Applies pending migrations at start-up, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a failed step leaves the previous schema intact.
/// </summary>
public sealed class SqliteMigrator(SqliteDatabase database, IReadOnlyList<SqliteMigration> migrations, ILogger<SqliteMigrator> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // WAL is a property of the file: set once, it stays.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                );
                """);
        }

        foreach (var migration in migrations)
        {
            var applied = await database.WriteAsync(async (connection, transaction) =>
            {
                var exists = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction);
                if (exists > 0)
                {
                    return false;
                }

                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow }, transaction);
                return true;
            }, cancellationToken);

            if (applied)
            {
                logger.LogInformation("Applied SQLite migration {Version} {Name} to {Path}", migration.Version, migration.Name, database.Path);
            }
        }
    }
}
