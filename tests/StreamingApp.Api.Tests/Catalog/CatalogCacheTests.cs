using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Api.Catalog.Sqlite;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.Api.Tests.Catalog;

public sealed class CatalogCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_listing_is_answered_from_memory_until_the_catalog_changes_through_the_Api()
    {
        var word = UniqueWord();
        var store = factory.Services.GetRequiredService<IVideoStore>();
        var first = await store.CreateAsync(ReadyVideo($"First {word}"), Cancellation);
        using var client = factory.CreateClient();
        var path = $"/api/videos?q={word}";
        Assert.Equal(1, await TotalAsync(client, path));

        // Another replica's write reaches the database without passing through this process.
        await OtherReplica().CreateAsync(ReadyVideo($"Second {word}"), Cancellation);
        using var cached = await client.GetAsync(path, Cancellation);
        Assert.True(cached.Headers.Age.HasValue);
        Assert.Equal(1, (await cached.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("total").GetInt64());

        await store.ChangeAsync(first!.Id, video => video with { Description = "Edited" }, Cancellation);
        Assert.Equal(2, await TotalAsync(client, path));
    }

    [Fact]
    public async Task Signed_in_callers_get_the_same_cached_listing()
    {
        var word = UniqueWord();
        await factory.Services.GetRequiredService<IVideoStore>().CreateAsync(ReadyVideo($"Shared {word}"), Cancellation);
        using var anonymous = factory.CreateClient();
        using var signedIn = (await factory.CreatorAsync()).Client;
        Assert.Equal(1, await TotalAsync(anonymous, $"/api/videos?q={word}"));

        using var response = await signedIn.GetAsync($"/api/videos?q={word}", Cancellation);

        Assert.True(response.Headers.Age.HasValue);
    }

    [Fact]
    public async Task Other_parameters_are_other_entries()
    {
        var word = UniqueWord();
        await factory.Services.GetRequiredService<IVideoStore>().CreateAsync(ReadyVideo($"Paged {word}"), Cancellation);
        using var client = factory.CreateClient();
        Assert.Equal(1, await TotalAsync(client, $"/api/videos?q={word}"));

        using var response = await client.GetAsync($"/api/videos?q={word}&pageSize=7", Cancellation);

        Assert.False(response.Headers.Age.HasValue);
        Assert.Equal(7, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("pageSize").GetInt32());
    }

    private SqliteVideoStore OtherReplica() => new(factory.Services.GetRequiredService<SqliteDatabase>());

    private static async Task<long> TotalAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Cancellation)).GetProperty("total").GetInt64();

    private static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..12];

    private static Video ReadyVideo(string title)
    {
        var now = DateTimeOffset.UtcNow;
        return new Video
        {
            Id = Guid.CreateVersion7().ToString("N"),
            OwnerId = "owner",
            Title = title,
            Status = VideoStatus.Ready,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}

public sealed class UncachedCatalogApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Catalog:ListCacheDuration"] = "00:00:00",
    };
}

public sealed class UncachedCatalogTests(UncachedCatalogApiFactory factory) : IClassFixture<UncachedCatalogApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_zero_cache_duration_reads_the_database_for_every_listing()
    {
        var database = factory.Services.GetRequiredService<SqliteDatabase>();
        using var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/videos", Cancellation)).GetProperty("total").GetInt64());

        await new SqliteVideoStore(database).CreateAsync(new Video
        {
            Id = Guid.CreateVersion7().ToString("N"),
            OwnerId = "owner",
            Title = "Written elsewhere",
            Status = VideoStatus.Ready,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        }, Cancellation);
        using var response = await client.GetAsync("/api/videos", Cancellation);

        Assert.False(response.Headers.Age.HasValue);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("total").GetInt64());
    }
}
