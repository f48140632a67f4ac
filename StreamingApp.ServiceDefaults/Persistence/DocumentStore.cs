namespace StreamingApp.ServiceDefaults.Persistence;

/// <summary>Versioned create, read, replace and delete of one kind of document; implemented for SQLite and MongoDB.</summary>
public interface IDocumentCollection<T> where T : IVersionedDocument<T>
{
    /// <summary>Inserts at version 1; <c>null</c> when the id or another unique key is taken.</summary>
    Task<T?> InsertAsync(T document, CancellationToken cancellationToken);

    Task<T?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the document if its stored version is still <c>document.Version</c>; the new copy, or <c>null</c>.</summary>
    Task<T?> ReplaceAsync(T document, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>
/// The part of every store that is the same whatever the provider; stores derive from it and add their queries.
/// </summary>
public abstract class DocumentStore<T>(IDocumentCollection<T> documents) where T : IVersionedDocument<T>
{
    /// <summary>Adds the document at version 1; <c>null</c> when its id or another unique key is already taken.</summary>
    public Task<T?> CreateAsync(T document, CancellationToken cancellationToken) => documents.InsertAsync(document, cancellationToken);

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => documents.GetAsync(id, cancellationToken);

    /// <summary>Replaces the document if nobody changed it since it was read; the stored copy, or <c>null</c>.</summary>
    public Task<T?> UpdateAsync(T document, CancellationToken cancellationToken) => documents.ReplaceAsync(document, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => documents.DeleteAsync(id, cancellationToken);
}
