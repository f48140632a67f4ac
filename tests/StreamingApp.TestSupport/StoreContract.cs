using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.TestSupport;

/// <summary>
/// Base of the store contract suites: each provider's test class creates its store with one of these helpers and
/// gets a fresh, migrated database per test, cleaned up afterwards.
/// </summary>
public abstract class StoreContract : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources = [];
    private TemporaryDirectory? _directory;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A new SQLite file with the service's embedded migrations applied.</summary>
    protected async Task<SqliteDatabase> MigratedSqliteAsync(Assembly serviceAssembly, string migrationPrefix)
    {
        _directory ??= new TemporaryDirectory("sqlite");
        var database = new SqliteDatabase(_directory.Combine($"{Guid.NewGuid():N}.db"));
        var migrations = SqliteMigration.FromEmbeddedResources(serviceAssembly, migrationPrefix);
        await new SqliteMigrator(database, migrations, NullLogger<SqliteMigrator>.Instance).InitializeAsync(Cancellation);
        return database;
    }

    /// <summary>A new database on the server in <c>STREAMINGAPP_TEST_MONGODB</c>, dropped afterwards; skips the test when unset.</summary>
    protected IMongoDatabase MongoDatabaseOrSkip()
    {
        var database = MongoTestDatabase.CreateOrSkip();
        _resources.Add(database);
        return database.Database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Dispose();
        GC.SuppressFinalize(this);
    }
}
