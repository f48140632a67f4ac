using Dapper;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.History.Sqlite;

public sealed class SqliteWatchHistoryStore(SqliteDatabase database) : IWatchHistoryStore
{
    private const string Columns = "user_id AS UserId, video_id AS VideoId, position_seconds AS PositionSeconds, updated_at AS UpdatedAt";

    public async Task SaveAsync(WatchProgress progress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO watch_history (user_id, video_id, position_seconds, updated_at)
            VALUES (@UserId, @VideoId, @PositionSeconds, @UpdatedAt)
            ON CONFLICT (user_id, video_id) DO UPDATE SET position_seconds = excluded.position_seconds, updated_at = excluded.updated_at
            """, progress, cancellationToken: cancellationToken));
    }

    public async Task<WatchProgress?> GetAsync(string userId, string videoId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WatchProgress>(new CommandDefinition(
            $"SELECT {Columns} FROM watch_history WHERE user_id = @userId AND video_id = @videoId", new { userId, videoId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WatchProgress>> ListAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WatchProgress>(new CommandDefinition(
            $"SELECT {Columns} FROM watch_history WHERE user_id = @userId ORDER BY updated_at DESC, video_id LIMIT @limit",
            new { userId, limit }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task DeleteForVideoAsync(string videoId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM watch_history WHERE video_id = @videoId", new { videoId }, cancellationToken: cancellationToken));
    }
}
