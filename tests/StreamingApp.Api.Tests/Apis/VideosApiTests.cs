using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace StreamingApp.Api.Tests.Apis;

public sealed class VideosApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalog_lists_published_videos_with_paging_metadata()
    {
        var store = factory.Services.GetRequiredService<IVideoStore>();
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(new Video
        {
            Id = Guid.CreateVersion7().ToString("N"),
            OwnerId = "owner",
            Title = "Published",
            Genre = Genre.SciFi,
            Status = VideoStatus.Ready,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        }, Cancellation);
        using var client = factory.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/videos?genre=sci-fi&pageSize=5", Cancellation);

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Published", item.GetProperty("title").GetString());
        Assert.Equal("Sci-Fi", item.GetProperty("genre").GetString());
    }

    [Theory]
    [InlineData("?genre=Western", "genre")]
    [InlineData("?sort=oldest", "sort")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?page=abc", null)]
    public async Task Bad_catalog_parameters_get_a_400_problem(string query, string? field)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/videos{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task An_overlong_search_is_refused()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/videos?q={new string('a', 101)}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_catalog()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/videos", out _));
    }
}
