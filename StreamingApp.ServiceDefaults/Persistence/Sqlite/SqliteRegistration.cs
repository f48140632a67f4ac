using System.Reflection;
using StreamingApp.ServiceDefaults.Health;

namespace StreamingApp.ServiceDefaults.Persistence.Sqlite;

public sealed class SqliteRegistration
{
    private SqliteRegistration(IServiceCollection services, SqliteDatabase database)
    {
        Services = services;
        Database = database;
    }

    public IServiceCollection Services { get; }

    public SqliteDatabase Database { get; }

    internal static SqliteRegistration Register(IServiceCollection services, string path)
    {
        var database = new SqliteDatabase(path);
        services.AddSingleton(database);
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("database");
        services.AddProviderDescription("database", "SQLite", path);
        return new SqliteRegistration(services, database);
    }

    /// <summary>Applies the <c>*.sql</c> files embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/> in name order.</summary>
    public SqliteRegistration AddMigrations(Assembly assembly, string resourcePrefix)
    {
        Services.AddSingleton<IDatabaseInitializer>(provider => new SqliteMigrator(
            Database, SqliteMigration.FromEmbeddedResources(assembly, resourcePrefix),
            provider.GetRequiredService<ILogger<SqliteMigrator>>()));
        return this;
    }
}
