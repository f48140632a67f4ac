using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.MongoDb;

namespace StreamingApp.Api.Catalog.MongoDb;

public sealed class MongoVideoStore(IMongoDatabase database) : DocumentStore<Video>(Collection(database)), IVideoStore, IDatabaseInitializer
{
    public const string CollectionName = "videos";

    private readonly MongoDocumentCollection<Video> _videos = Collection(database);

    private static MongoDocumentCollection<Video> Collection(IMongoDatabase database)
    {
        CatalogClassMaps.Register();
        return new MongoDocumentCollection<Video>(database.GetCollection<Video>(CollectionName));
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _videos.Collection.Indexes.CreateManyAsync(VideoQueries.Indexes(), cancellationToken);

    public async Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var filter = VideoQueries.Catalog(query);
        var total = await _videos.Collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var items = await _videos.Collection.Find(filter)
            .Sort(VideoQueries.CatalogSort(query.Sort))
            .Skip((query.Page - 1) * query.PageSize)
            .Limit(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<Video>(items, query.Page, query.PageSize, total);
    }
}
