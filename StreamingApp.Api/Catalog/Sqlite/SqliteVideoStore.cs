using Dapper;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.Catalog.Sqlite;

public sealed class SqliteVideoStore(SqliteDatabase database) : DocumentStore<Video>(Table(database)), IVideoStore
{
    private readonly SqliteDocumentTable<Video> _videos = Table(database);

    private static SqliteDocumentTable<Video> Table(SqliteDatabase database) => new(database, "videos", video => new Dictionary<string, object?>
    {
        ["owner_id"] = video.OwnerId,
        ["status"] = DocumentJson.EnumText(video.Status),
        ["visibility"] = DocumentJson.EnumText(video.Visibility),
        ["genre"] = video.Genre.ToString(),
        ["featured"] = video.Featured,
        ["allowed_countries"] = DocumentJson.Serialize(video.AllowedCountries),
        ["blocked_countries"] = DocumentJson.Serialize(video.BlockedCountries),
        ["view_count"] = video.ViewCount,
        ["created_at"] = video.CreatedAt,
        ["published_at"] = video.PublishedAt,
        ["title"] = video.Title,
        ["description"] = video.Description,
        ["tags"] = string.Join(' ', video.Tags),
    });

    public Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var match = FullTextQuery.ToFts5(query.Text);
        var where = $"""
            WHERE t.status = 'ready' AND t.visibility = 'public'
            {(match is null ? string.Empty : TextFilter)}
            {(query.Genre is null ? string.Empty : "AND t.genre = @Genre")}
            {(query.Featured is null ? string.Empty : "AND t.featured = @Featured")}
            {(query.Country is null ? string.Empty : CountryFilter)}
            """;
        var order = query.Sort == CatalogSort.Popular ? "t.view_count DESC, t.id DESC" : "t.published_at DESC, t.id DESC";
        return PageAsync(where, order, new { Match = match, Genre = query.Genre?.ToString(), query.Featured, query.Country }, query.Page, query.PageSize, cancellationToken);
    }

    public Task<Page<Video>> ListByOwnerAsync(string ownerId, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync("WHERE t.owner_id = @ownerId", "t.created_at DESC, t.id DESC", new { ownerId }, page, pageSize, cancellationToken);

    public Task<Page<Video>> ListAllAsync(AdminVideoQuery query, CancellationToken cancellationToken)
    {
        var match = FullTextQuery.ToFts5(query.Text);
        var where = $"""
            WHERE 1 = 1
            {(match is null ? string.Empty : TextFilter)}
            {(query.Status is null ? string.Empty : "AND t.status = @Status")}
            """;
        var status = query.Status is { } value ? DocumentJson.EnumText(value) : null;
        return PageAsync(where, "t.created_at DESC, t.id DESC", new { Match = match, Status = status }, query.Page, query.PageSize, cancellationToken);
    }

    public async Task<IReadOnlyList<Video>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await _videos.QueryAsync("WHERE t.id IN @ids", new { ids }, cancellationToken);

    public async Task IncrementViewCountAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The column and the copy inside the document move together; the version stays, so editors never conflict with viewers.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE videos SET view_count = view_count + 1, document = json_set(document, '$.viewCount', view_count + 1)
            WHERE id = @id
            """, new { id }, cancellationToken: cancellationToken));
    }

    private async Task<Page<Video>> PageAsync(string where, string order, object parameters, int page, int pageSize, CancellationToken cancellationToken)
    {
        var paging = new DynamicParameters(parameters);
        paging.Add("Limit", pageSize);
        paging.Add("Offset", (page - 1) * pageSize);
        var total = await _videos.CountAsync(where, paging, cancellationToken);
        var items = await _videos.QueryAsync($"{where} ORDER BY {order} LIMIT @Limit OFFSET @Offset", paging, cancellationToken);
        return new Page<Video>(items, page, pageSize, total);
    }

    private const string TextFilter = "AND t.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH @Match)";

    /// <summary>Allowed when the allow-list is empty or names the country, and the block-list does not.</summary>
    private const string CountryFilter = """
        AND (t.allowed_countries = '[]' OR EXISTS (SELECT 1 FROM json_each(t.allowed_countries) WHERE value = @Country))
        AND NOT EXISTS (SELECT 1 FROM json_each(t.blocked_countries) WHERE value = @Country)
        """;
}
