using StreamingApp.Api.Catalog.MongoDb;
using StreamingApp.Api.Catalog.Sqlite;
using StreamingApp.Api.Media;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Extensions;

public static class ApiServiceExtensions
{
    public const string ServiceName = "api";

    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddCatalogPersistence();
        builder.AddBlobStorage();
        builder.AddMediaProcessing();
        builder.Services.AddOpenApi();
        return builder;
    }

    private static void AddCatalogPersistence(this IHostApplicationBuilder builder) =>
        builder.AddServiceDatabase(
            ServiceName,
            sqlite =>
            {
                sqlite.AddMigrations(typeof(ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations");
                sqlite.Services.AddSingleton<IVideoStore, SqliteVideoStore>();
            },
            mongoDb => mongoDb.AddStore<IVideoStore, MongoVideoStore>());
}
