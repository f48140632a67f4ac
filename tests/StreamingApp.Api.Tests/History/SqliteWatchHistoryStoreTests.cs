using StreamingApp.Api.Extensions;
using StreamingApp.Api.History;
using StreamingApp.Api.History.Sqlite;

namespace StreamingApp.Api.Tests.History;

public sealed class SqliteWatchHistoryStoreTests : WatchHistoryStoreContract
{
    protected override async Task<IWatchHistoryStore> CreateStoreAsync() =>
        new SqliteWatchHistoryStore(await MigratedSqliteAsync(typeof(ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations"));
}
