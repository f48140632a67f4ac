using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Processing.MongoDb;

namespace StreamingApp.Api.Tests.Media.Processing;

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoProcessingJobStoreTests : ProcessingJobStoreContract
{
    protected override async Task<IProcessingJobStore> CreateStoreAsync()
    {
        var store = new MongoProcessingJobStore(MongoDatabaseOrSkip(), Time);
        await store.InitializeAsync(Cancellation);
        return store;
    }
}
