namespace StreamingApp.Frontend.Services;

/// <summary>Reads the catalog from the Api, found through service discovery (<c>services__api__http__0</c>).</summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<CatalogPage> GetCatalogAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<CatalogPage>($"/api/videos?page={page}&pageSize={pageSize}", cancellationToken)
        ?? throw new InvalidOperationException("The Api returned an empty catalog page.");
}

public sealed record CatalogPage(IReadOnlyList<CatalogItem> Items, int Page, int PageSize, long Total);

public sealed record CatalogItem(string Id, string Title, string Description, string Genre, int? ReleaseYear, double? DurationSeconds);
