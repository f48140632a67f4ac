using StreamingApp.Api.Extensions;
using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Processing.Sqlite;

namespace StreamingApp.Api.Tests.Media.Processing;

public sealed class SqliteProcessingJobStoreTests : ProcessingJobStoreContract
{
    protected override async Task<IProcessingJobStore> CreateStoreAsync() =>
        new SqliteProcessingJobStore(await MigratedSqliteAsync(typeof(ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations"), Time);
}
