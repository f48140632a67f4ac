namespace StreamingApp.Api.Media.Processing;

internal static class VideoChanges
{
    private const int MaxConflicts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the current video with optimistic concurrency, re-reading and re-applying
    /// after a conflicting write (an owner editing the title meanwhile). Returns the stored video, or <c>null</c> when
    /// the video no longer exists. <paramref name="change"/> may return <c>null</c> to leave the video as it is.
    /// </summary>
    public static async Task<Video?> ChangeAsync(this IVideoStore videos, string id, Func<Video, Video?> change, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            var current = await videos.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var changed = change(current);
            if (changed is null)
            {
                return current;
            }

            if (await videos.UpdateAsync(changed, cancellationToken) is { } stored)
            {
                return stored;
            }

            if (conflicts == MaxConflicts)
            {
                throw new InvalidOperationException($"Video {id} kept changing; gave up after {MaxConflicts} conflicting writes.");
            }
        }
    }
}
