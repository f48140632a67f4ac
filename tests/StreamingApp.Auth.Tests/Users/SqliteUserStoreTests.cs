using StreamingApp.Auth.Extensions;
using StreamingApp.Auth.Users.Sqlite;

namespace StreamingApp.Auth.Tests.Users;

public sealed class SqliteUserStoreTests : UserStoreContract
{
    protected override async Task<IUserStore> CreateStoreAsync() =>
        new SqliteUserStore(await MigratedSqliteAsync(typeof(AuthServiceExtensions).Assembly, "StreamingApp.Auth.Migrations"));
}
