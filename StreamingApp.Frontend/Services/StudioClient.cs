namespace StreamingApp.Frontend.Services;

/// <summary>What creators (and admins, on anyone's videos) change in the Api: their videos and the catalog's front page.</summary>
public sealed class StudioClient(HttpClient http)
{
    public Task<PagedList<VideoDetails>> ListMineAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PagedList<VideoDetails>>($"/api/videos/mine?page={page}&pageSize={pageSize}", cancellationToken);

    public Task<PagedList<VideoDetails>> ListAllAsync(string? status, string? query, int page, int pageSize, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PagedList<VideoDetails>>(
            QueryString.Build("/api/admin/videos", ("status", status), ("q", query), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<VideoDetails> CreateAsync(VideoMetadata metadata, CancellationToken cancellationToken) =>
        http.SendJsonAsync<VideoDetails>(HttpMethod.Post, "/api/videos", metadata, cancellationToken);

    public Task<VideoDetails> UpdateAsync(string id, VideoMetadata metadata, CancellationToken cancellationToken) =>
        http.SendJsonAsync<VideoDetails>(HttpMethod.Patch, VideoPath(id), metadata, cancellationToken);

    /// <summary>Changes only the visibility (admins hide a video by making it private).</summary>
    public Task<VideoDetails> SetVisibilityAsync(string id, string visibility, CancellationToken cancellationToken) =>
        http.SendJsonAsync<VideoDetails>(HttpMethod.Patch, VideoPath(id), new { visibility }, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Delete, VideoPath(id), null, cancellationToken);

    public Task SetFeaturedAsync(string id, bool featured, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Put, $"{VideoPath(id)}/featured", new { featured }, cancellationToken);

    private static string VideoPath(string id) => $"/api/videos/{Uri.EscapeDataString(id)}";
}
