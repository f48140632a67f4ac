using StreamingApp.ServiceDefaults.Persistence.MongoDb;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    public const string MongoConnectionStringName = "mongodb";
    public const string DataDirectoryKey = "DataDirectory";
    public const string SqlitePathKey = "Database:SqlitePath";
    public const string DatabaseNameKey = "Database:Name";

    /// <summary>
    /// Chooses the service's database: MongoDB when <c>ConnectionStrings:mongodb</c> is set, otherwise a SQLite
    /// file at <c>Database:SqlitePath</c> (default <c>{DataDirectory}/{serviceName}.db</c>). Each service passes
    /// its own name, so services never share a database even when they share a MongoDB server.
    /// </summary>
    public static DatabaseProvider AddServiceDatabase(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<SqliteRegistration> sqlite,
        Action<MongoRegistration> mongoDb)
    {
        builder.Services.AddHostedService<DatabaseInitializerService>();
        var mongoConnectionString = builder.Configuration.GetConnectionString(MongoConnectionStringName);

        if (!string.IsNullOrWhiteSpace(mongoConnectionString))
        {
            var databaseName = builder.Configuration[DatabaseNameKey] ?? $"streamingapp-{serviceName}";
            var registration = MongoRegistration.Register(builder.Services, mongoConnectionString, databaseName);
            mongoDb(registration);
            return DatabaseProvider.MongoDb;
        }

        var path = builder.Configuration[SqlitePathKey]
            ?? Path.Combine(builder.GetDataDirectory(), $"{serviceName}.db");
        sqlite(SqliteRegistration.Register(builder.Services, Path.GetFullPath(path, builder.Environment.ContentRootPath)));
        return DatabaseProvider.Sqlite;
    }

    /// <summary>The folder for everything a service keeps locally (SQLite files, blobs, mail pickup).</summary>
    public static string GetDataDirectory(this IHostApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[DataDirectoryKey] ?? ".data", builder.Environment.ContentRootPath);
}
