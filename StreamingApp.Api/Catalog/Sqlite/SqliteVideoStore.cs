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

    public async Task<Page<Video>> SearchAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var match = FullTextQuery.ToFts5(query.Text);
        var where = $"""
            WHERE t.status = 'ready' AND t.visibility = 'public'
            {(match is null ? string.Empty : "AND t.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH @Match)")}
            {(query.Genre is null ? string.Empty : "AND t.genre = @Genre")}
            {(query.Featured is null ? string.Empty : "AND t.featured = @Featured")}
            {(query.Country is null ? string.Empty : CountryFilter)}
            """;
        var order = query.Sort == CatalogSort.Popular ? "t.view_count DESC, t.id DESC" : "t.published_at DESC, t.id DESC";
        var parameters = new
        {
            Match = match,
            Genre = query.Genre?.ToString(),
            query.Featured,
            query.Country,
            Limit = query.PageSize,
            Offset = (query.Page - 1) * query.PageSize,
        };

        var total = await _videos.CountAsync(where, parameters, cancellationToken);
        var items = await _videos.QueryAsync($"{where} ORDER BY {order} LIMIT @Limit OFFSET @Offset", parameters, cancellationToken);
        return new Page<Video>(items, query.Page, query.PageSize, total);
    }

    /// <summary>Allowed when the allow-list is empty or names the country, and the block-list does not.</summary>
    private const string CountryFilter = """
        AND (t.allowed_countries = '[]' OR EXISTS (SELECT 1 FROM json_each(t.allowed_countries) WHERE value = @Country))
        AND NOT EXISTS (SELECT 1 FROM json_each(t.blocked_countries) WHERE value = @Country)
        """;
}
