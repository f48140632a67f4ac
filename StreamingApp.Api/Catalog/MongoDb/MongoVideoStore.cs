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

    public Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        PageAsync(VideoQueries.Catalog(query), VideoQueries.CatalogSort(query.Sort), query.Page, query.PageSize, cancellationToken);

    public Task<Page<Video>> ListByOwnerAsync(string ownerId, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(VideoQueries.ByOwner(ownerId), VideoQueries.NewestCreated, page, pageSize, cancellationToken);

    public Task<Page<Video>> ListAllAsync(AdminVideoQuery query, CancellationToken cancellationToken) =>
        PageAsync(VideoQueries.Admin(query), VideoQueries.NewestCreated, query.Page, query.PageSize, cancellationToken);

    public async Task<IReadOnlyList<Video>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await _videos.Collection.Find(VideoQueries.ByIds(ids)).ToListAsync(cancellationToken);

    public Task IncrementViewCountAsync(string id, CancellationToken cancellationToken) =>
        _videos.Collection.UpdateOneAsync(MongoDocumentCollection<Video>.ById(id), VideoQueries.OneMoreView, cancellationToken: cancellationToken);

    private async Task<Page<Video>> PageAsync(FilterDefinition<Video> filter, SortDefinition<Video> sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await _videos.Collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var items = await _videos.Collection.Find(filter).Sort(sort).Skip((page - 1) * pageSize).Limit(pageSize).ToListAsync(cancellationToken);
        return new Page<Video>(items, page, pageSize, total);
    }
}
