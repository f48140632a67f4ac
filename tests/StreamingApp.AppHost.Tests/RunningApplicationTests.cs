using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamingApp.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class RunningApplicationTests(AppHostFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("auth")]
    [InlineData("api")]
    [InlineData("frontend")]
    public async Task Every_service_reports_itself_healthy_with_its_dependencies(string resource)
    {
        using var client = fixture.App.CreateHttpClient(resource);

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Cancellation);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        if (resource != "frontend")
        {
            Assert.StartsWith("SQLite", health.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_service_keeps_its_own_sqlite_file_in_the_data_folder()
    {
        using var client = fixture.App.CreateHttpClient("api");
        await client.GetAsync("/health", Cancellation);

        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "auth", "auth.db")));
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "api", "api.db")));
        Assert.False(File.Exists(Path.Combine(fixture.DataDirectory, "frontend", "frontend.db")));
    }

    [Fact]
    public async Task The_home_page_shows_the_catalog_read_from_the_api()
    {
        using var api = fixture.App.CreateHttpClient("api");
        var featured = await api.GetFromJsonAsync<JsonElement>("/api/videos/featured", Cancellation);
        using var frontend = fixture.App.CreateHttpClient("frontend");

        using var response = await frontend.GetAsync("/", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("The catalog is unavailable", html, StringComparison.Ordinal);
        Assert.Contains(featured.GetArrayLength() == 0 ? "data-testid=\"hero-empty\"" : "data-testid=\"hero\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("api")]
    [InlineData("frontend")]
    public async Task Metrics_expose_the_standard_aspnetcore_instruments(string resource)
    {
        using var client = fixture.App.CreateHttpClient(resource);
        await client.GetAsync("/alive", Cancellation);

        var metrics = await client.GetStringAsync("/metrics", Cancellation);

        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_active_requests", metrics, StringComparison.Ordinal);
    }
}
