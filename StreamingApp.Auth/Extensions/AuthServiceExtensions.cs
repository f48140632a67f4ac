using StreamingApp.Auth.Users.MongoDb;
using StreamingApp.Auth.Users.Sqlite;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Extensions;

public static class AuthServiceExtensions
{
    public const string ServiceName = "auth";

    public static IHostApplicationBuilder AddAuthServices(this IHostApplicationBuilder builder)
    {
        builder.AddAccountPersistence();
        builder.Services.AddOpenApi();
        return builder;
    }

    private static void AddAccountPersistence(this IHostApplicationBuilder builder) =>
        builder.AddServiceDatabase(
            ServiceName,
            sqlite =>
            {
                sqlite.AddMigrations(typeof(AuthServiceExtensions).Assembly, "StreamingApp.Auth.Migrations");
                sqlite.Services.AddSingleton<IUserStore, SqliteUserStore>();
            },
            mongoDb => mongoDb.AddStore<IUserStore, MongoUserStore>());
}
