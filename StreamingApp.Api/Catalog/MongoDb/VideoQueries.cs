using MongoDB.Driver;

namespace StreamingApp.Api.Catalog.MongoDb;

/// <summary>The filters, sorts and indexes of the MongoDB catalog, kept apart so tests can render them without a server.</summary>
internal static class VideoQueries
{
    private static readonly FilterDefinitionBuilder<Video> Filter = Builders<Video>.Filter;

    public static readonly SortDefinition<Video> NewestCreated =
        Builders<Video>.Sort.Descending(video => video.CreatedAt).Descending(video => video.Id);

    public static readonly UpdateDefinition<Video> OneMoreView = Builders<Video>.Update.Inc(video => video.ViewCount, 1);

    public static FilterDefinition<Video> ByOwner(string ownerId) => Filter.Eq(video => video.OwnerId, ownerId);

    public static FilterDefinition<Video> ByIds(IEnumerable<string> ids) => Filter.In(video => video.Id, ids);

    public static FilterDefinition<Video> Admin(AdminVideoQuery query)
    {
        var filters = new List<FilterDefinition<Video>>();
        AddText(filters, query.Text);
        if (query.Status is { } status)
        {
            filters.Add(Filter.Eq(video => video.Status, status));
        }

        return filters.Count == 0 ? Filter.Empty : Filter.And(filters);
    }

    public static FilterDefinition<Video> Catalog(CatalogQuery query)
    {
        var filters = new List<FilterDefinition<Video>>
        {
            Filter.Eq(video => video.Status, VideoStatus.Ready),
            Filter.Eq(video => video.Visibility, Visibility.Public),
        };

        AddText(filters, query.Text);

        if (query.Genre is { } genre)
        {
            filters.Add(Filter.Eq(video => video.Genre, genre));
        }

        if (query.Featured is { } featured)
        {
            filters.Add(Filter.Eq(video => video.Featured, featured));
        }

        if (query.Country is { } country)
        {
            filters.Add(Filter.Or(Filter.Size(video => video.AllowedCountries, 0), Filter.AnyEq(video => video.AllowedCountries, country)));
            filters.Add(Filter.Not(Filter.AnyEq(video => video.BlockedCountries, country)));
        }

        return Filter.And(filters);
    }

    private static void AddText(List<FilterDefinition<Video>> filters, string? text)
    {
        if (FullTextQuery.Terms(text) is { Count: > 0 } terms)
        {
            // Every term must appear: MongoDB text search ORs bare words but ANDs quoted phrases.
            filters.Add(Filter.Text(string.Join(' ', terms.Select(term => $"\"{term}\""))));
        }
    }

    public static SortDefinition<Video> CatalogSort(CatalogSort sort) => sort == StreamingApp.Api.Catalog.CatalogSort.Popular
        ? Builders<Video>.Sort.Descending(video => video.ViewCount).Descending(video => video.Id)
        : Builders<Video>.Sort.Descending(video => video.PublishedAt).Descending(video => video.Id);

    public static IEnumerable<CreateIndexModel<Video>> Indexes()
    {
        var keys = Builders<Video>.IndexKeys;
        yield return new CreateIndexModel<Video>(
            keys.Ascending(video => video.Status).Ascending(video => video.Visibility).Descending(video => video.PublishedAt).Descending(video => video.Id),
            new CreateIndexOptions { Name = "catalog_newest" });
        yield return new CreateIndexModel<Video>(
            keys.Ascending(video => video.Status).Ascending(video => video.Visibility).Descending(video => video.ViewCount).Descending(video => video.Id),
            new CreateIndexOptions { Name = "catalog_popular" });
        yield return new CreateIndexModel<Video>(
            keys.Ascending(video => video.OwnerId).Descending(video => video.CreatedAt),
            new CreateIndexOptions { Name = "owner" });
        yield return new CreateIndexModel<Video>(
            keys.Text(video => video.Title).Text(video => video.Description).Text(video => video.Tags),
            new CreateIndexOptions { Name = "catalog_text", Weights = new MongoDB.Bson.BsonDocument { { "title", 10 }, { "tags", 5 }, { "description", 1 } } });
    }
}
