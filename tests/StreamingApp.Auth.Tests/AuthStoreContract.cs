using StreamingApp.Auth.Extensions;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Auth.Tests;

/// <summary>Where the Auth store contracts get their databases.</summary>
public abstract class AuthStoreContract : StoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected Task<SqliteDatabase> MigratedAuthDatabaseAsync() =>
        MigratedSqliteAsync(typeof(AuthServiceExtensions).Assembly, "StreamingApp.Auth.Migrations");
}
