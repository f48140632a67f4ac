using MongoDB.Driver;

namespace StreamingApp.ServiceDefaults.Persistence.MongoDb;

/// <summary>The MongoDB counterpart of the SQLite document table: versioned inserts and replaces keyed by <c>_id</c>.</summary>
public sealed class MongoDocumentCollection<T>(IMongoCollection<T> collection) : IDocumentCollection<T> where T : IVersionedDocument<T>
{
    private static readonly FilterDefinitionBuilder<T> Filter = Builders<T>.Filter;

    public IMongoCollection<T> Collection => collection;

    // Field names rather than expressions: the members are declared on the interface, which has no class map.
    public static FilterDefinition<T> ById(string id) => Filter.Eq("_id", id);

    public static FilterDefinition<T> ByIdAndVersion(string id, long version) => Filter.Eq("_id", id) & Filter.Eq("version", version);

    /// <summary>Inserts at version 1; <c>null</c> when a unique index refuses it.</summary>
    public async Task<T?> InsertAsync(T document, CancellationToken cancellationToken)
    {
        var stored = document.WithVersion(1);
        try
        {
            await collection.InsertOneAsync(stored, cancellationToken: cancellationToken);
            return stored;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return default;
        }
    }

    public async Task<T?> ReplaceAsync(T document, CancellationToken cancellationToken)
    {
        var stored = document.WithVersion(document.Version + 1);
        var result = await collection.ReplaceOneAsync(ByIdAndVersion(document.Id, document.Version), stored, cancellationToken: cancellationToken);
        return result.MatchedCount == 1 ? stored : default;
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        await collection.Find(ById(id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collection.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount == 1;
}
