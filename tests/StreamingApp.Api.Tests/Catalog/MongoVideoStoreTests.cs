using StreamingApp.Api.Catalog.MongoDb;

namespace StreamingApp.Api.Tests.Catalog;

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoVideoStoreTests : VideoStoreContract
{
    protected override async Task<IVideoStore> CreateStoreAsync()
    {
        var store = new MongoVideoStore(MongoDatabaseOrSkip());
        await store.InitializeAsync(Cancellation);
        return store;
    }
}
