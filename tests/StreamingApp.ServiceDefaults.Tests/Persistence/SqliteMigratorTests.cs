using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.ServiceDefaults.Tests.Persistence;

public sealed class SqliteMigratorTests : IDisposable
{
    private const string Prefix = "StreamingApp.ServiceDefaults.Tests.Persistence.Migrations";

    private readonly TemporaryDirectory _directory = new("migrations");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_in_order_once_and_switch_the_file_to_wal()
    {
        var database = new SqliteDatabase(_directory.Combine("good.db"));

        await MigrateAsync(database, "Good");
        await MigrateAsync(database, "Good");

        await using var connection = await database.OpenAsync(Cancellation);
        Assert.Equal([1L, 2L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        await connection.ExecuteAsync("INSERT INTO things (id, name, size) VALUES ('a', 'b', 3)");
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_previous_schema_untouched()
    {
        var database = new SqliteDatabase(_directory.Combine("broken.db"));

        await Assert.ThrowsAsync<SqliteException>(() => MigrateAsync(database, "Broken"));

        await using var connection = await database.OpenAsync(Cancellation);
        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public void Migration_files_must_be_numbered()
    {
        var migrations = SqliteMigration.FromEmbeddedResources(typeof(SqliteMigratorTests).Assembly, $"{Prefix}.Good");

        Assert.Equal([(1, "first"), (2, "second")], migrations.Select(migration => (migration.Version, migration.Name)));
    }

    [Fact]
    public async Task Timestamps_round_trip_as_sortable_utc_text_with_millisecond_precision()
    {
        var database = new SqliteDatabase(_directory.Combine("times.db"));
        var time = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));

        await using var connection = await database.OpenAsync(Cancellation);
        var text = await connection.ExecuteScalarAsync<string>("SELECT @time", new { time });
        var back = await connection.ExecuteScalarAsync<DateTimeOffset>("SELECT @time", new { time });

        Assert.Equal("2026-03-04T03:06:07.890Z", text);
        Assert.Equal(time, back);
    }

    private static Task MigrateAsync(SqliteDatabase database, string set) =>
        new SqliteMigrator(database, SqliteMigration.FromEmbeddedResources(typeof(SqliteMigratorTests).Assembly, $"{Prefix}.{set}"), NullLogger<SqliteMigrator>.Instance)
            .InitializeAsync(Cancellation);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
