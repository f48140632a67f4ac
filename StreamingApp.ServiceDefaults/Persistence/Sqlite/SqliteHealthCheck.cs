using Dapper;

namespace StreamingApp.ServiceDefaults.Persistence.Sqlite;

internal sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // Reading the migrations table proves the file opens and has been initialized, at constant cost.
            var version = await connection.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_migrations;");
            return HealthCheckResult.Healthy($"SQLite schema version {version ?? 0}");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("SQLite database cannot be opened.", exception);
        }
    }
}
