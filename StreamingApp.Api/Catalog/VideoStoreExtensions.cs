namespace StreamingApp.Api.Catalog;

public static class VideoStoreExtensions
{
    // Progress writes and owner edits can race for a while; each conflict costs one read.
    private const int MaxAttempts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the latest copy and stores it, reading again when another writer got there
    /// first. <c>null</c> when the video does not exist (any more) or <paramref name="change"/> declines by returning <c>null</c>.
    /// </summary>
    public static async Task<Video?> ChangeAsync(this IVideoStore store, string id, Func<Video, Video?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } current || change(current) is not { } changed)
            {
                return null;
            }

            if (await store.UpdateAsync(changed, cancellationToken) is { } stored)
            {
                return stored;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Video {id} kept changing under {MaxAttempts} attempts to update it.");
            }
        }
    }
}
