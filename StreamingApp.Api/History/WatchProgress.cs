namespace StreamingApp.Api.History;

/// <summary>Where a viewer stopped in a video, for "continue watching" and resuming playback.</summary>
public sealed record WatchProgress(string UserId, string VideoId, double PositionSeconds, DateTimeOffset UpdatedAt);

public interface IWatchHistoryStore
{
    /// <summary>Records the position, replacing the previous one for the same viewer and video.</summary>
    Task SaveAsync(WatchProgress progress, CancellationToken cancellationToken);

    Task<WatchProgress?> GetAsync(string userId, string videoId, CancellationToken cancellationToken);

    /// <summary>The viewer's most recently watched videos first.</summary>
    Task<IReadOnlyList<WatchProgress>> ListAsync(string userId, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets a deleted video in everyone's history.</summary>
    Task DeleteForVideoAsync(string videoId, CancellationToken cancellationToken);
}
