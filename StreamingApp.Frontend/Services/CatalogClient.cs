namespace StreamingApp.Frontend.Services;

/// <summary>
/// What viewers read from the Api (found through service discovery, <c>services__api__http__0</c>): the catalog,
/// one video, playback URLs and their own watch history.
/// </summary>
public sealed class CatalogClient(HttpClient http)
{
    public Task<PagedList<VideoSummary>> SearchAsync(CatalogSearch search, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PagedList<VideoSummary>>(
            QueryString.Build("/api/videos", ("genre", search.Genre), ("q", search.Query), ("sort", search.Sort), ("page", search.Page), ("pageSize", search.PageSize)),
            cancellationToken);

    public Task<IReadOnlyList<VideoSummary>> GetFeaturedAsync(CancellationToken cancellationToken) =>
        http.GetJsonAsync<IReadOnlyList<VideoSummary>>("/api/videos/featured", cancellationToken);

    public Task<VideoDetails> GetVideoAsync(string id, CancellationToken cancellationToken) =>
        http.GetJsonAsync<VideoDetails>($"/api/videos/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<PlaybackUrls> GetPlaybackAsync(string id, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PlaybackUrls>($"/api/videos/{Uri.EscapeDataString(id)}/playback", cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(int limit, CancellationToken cancellationToken) =>
        http.GetJsonAsync<IReadOnlyList<HistoryEntry>>($"/api/me/history?limit={limit}", cancellationToken);
}

public sealed record CatalogSearch(string? Genre = null, string? Query = null, string? Sort = null, int Page = 1, int PageSize = 20);
