using StreamingApp.Api.Catalog.Sqlite;
using StreamingApp.Api.Extensions;

namespace StreamingApp.Api.Tests.Catalog;

public sealed class SqliteVideoStoreTests : VideoStoreContract
{
    protected override async Task<IVideoStore> CreateStoreAsync() =>
        new SqliteVideoStore(await MigratedSqliteAsync(typeof(ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations"));
}
