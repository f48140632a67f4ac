namespace StreamingApp.Api.Catalog;

public interface IVideoStore
{
    Task<Video?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a new video at <see cref="Video.Version"/> 1; <c>null</c> when the id is taken.</summary>
    Task<Video?> CreateAsync(Video video, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the video if nobody changed it since <paramref name="video"/> was read (same <see cref="Video.Version"/>);
    /// returns the stored copy with its new version, or <c>null</c> when the video changed or no longer exists.
    /// </summary>
    Task<Video?> UpdateAsync(Video video, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>The public catalog: ready, public videos allowed in the viewer's country.</summary>
    Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken);

    /// <summary>A creator's own videos in every status, most recently created first.</summary>
    Task<Page<Video>> ListByOwnerAsync(string ownerId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Every video for administrators, optionally one status or matching text, most recently created first.</summary>
    Task<Page<Video>> ListAllAsync(AdminVideoQuery query, CancellationToken cancellationToken);

    /// <summary>The videos among <paramref name="ids"/> that still exist, in no particular order.</summary>
    Task<IReadOnlyList<Video>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Counts one more view atomically; it does not change <see cref="Video.Version"/>, so edits never conflict with viewers.</summary>
    Task IncrementViewCountAsync(string id, CancellationToken cancellationToken);
}

public sealed record AdminVideoQuery(string? Text = null, VideoStatus? Status = null, int Page = 1, int PageSize = 20);

public enum CatalogSort
{
    Newest,
    Popular,
}

/// <param name="Country">The viewer's country; <c>null</c> when unknown, which applies no country filter.</param>
public sealed record CatalogQuery(
    string? Text = null,
    Genre? Genre = null,
    CatalogSort Sort = CatalogSort.Newest,
    int Page = 1,
    int PageSize = 20,
    string? Country = null,
    bool? Featured = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
