using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Tests.Apis;

/// <summary>Who may create, see, edit, feature and delete videos, and what bad input gets back.</summary>
public sealed class VideoManagementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creators_create_videos_viewers_and_strangers_cannot()
    {
        var (creator, creatorId) = await api.CreatorAsync();
        var (viewer, _) = await api.ClientForNewAccountAsync(AppRoles.Viewer);
        using var anonymous = api.CreateClient();

        var created = await creator.CreateVideoAsync("Mine", new { tags = new[] { "b", "a", "A" }, allowedCountries = new[] { "fr", "DE" }, releaseYear = 2024, visibility = "unlisted" });
        using var byViewer = await viewer.PostAsJsonAsync("/api/videos", new { title = "Nope" }, Cancellation);
        using var byAnonymous = await anonymous.PostAsJsonAsync("/api/videos", new { title = "Nope" }, Cancellation);

        Assert.Equal("awaiting_upload", created.GetProperty("status").GetString());
        Assert.Equal(creatorId, created.GetProperty("ownerId").GetString());
        Assert.Equal(["b", "a"], created.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(["DE", "FR"], created.GetProperty("allowedCountries").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal("unlisted", created.GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
    }

    [Theory]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"title":"x","genre":"Western"}""", "genre")]
    [InlineData("""{"title":"x","visibility":"secret"}""", "visibility")]
    [InlineData("""{"title":"x","releaseYear":1700}""", "releaseYear")]
    [InlineData("""{"title":"x","allowedCountries":["XX"]}""", "allowedCountries")]
    [InlineData("""{"title":"x","allowedCountries":["FR"],"blockedCountries":["fr"]}""", "blockedCountries")]
    [InlineData("""{"title":"x","tags":[""]}""", "tags")]
    public async Task Invalid_metadata_gets_a_400_naming_the_field_and_creates_nothing(string json, string field)
    {
        var (creator, _) = await api.CreatorAsync();

        using var response = await creator.PostAsync("/api/videos", new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await creator.GetJsonAsync("/api/videos/mine")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Oversized_fields_and_malformed_bodies_are_refused()
    {
        var (creator, _) = await api.CreatorAsync();

        using var longTitle = await creator.PostAsJsonAsync("/api/videos", new { title = new string('t', 201) }, Cancellation);
        using var longDescription = await creator.PostAsJsonAsync("/api/videos", new { title = "t", description = new string('d', 5001) }, Cancellation);
        using var malformed = await creator.PostAsync("/api/videos", new StringContent("{\"title\":", Encoding.UTF8, "application/json"), Cancellation);
        using var huge = await creator.PostAsync("/api/videos", new StringContent($"{{\"title\":\"{new string('x', 2_000_000)}\"}}", Encoding.UTF8, "application/json"), Cancellation);

        await longTitle.ProblemAsync(HttpStatusCode.BadRequest);
        await longDescription.ProblemAsync(HttpStatusCode.BadRequest);
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        Assert.Equal(0, (await creator.GetJsonAsync("/api/videos/mine")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/videos/not-a-video-id")]
    [InlineData("/api/videos/0123456789ABCDEF0123456789abcdef")]
    [InlineData("/api/videos/0123456789abcdef0123456789abcdef0")]
    public async Task Malformed_ids_are_not_found(string url)
    {
        var (creator, _) = await api.CreatorAsync();

        using var response = await creator.GetAsync(url, Cancellation);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_sees_edits_or_deletes_an_unpublished_video()
    {
        var (owner, _) = await api.CreatorAsync();
        var (stranger, _) = await api.CreatorAsync();
        var admin = await api.AdminClientAsync();
        var video = await owner.CreateVideoAsync("Private draft");
        var url = $"/api/videos/{video.Id()}";

        using var strangerReads = await stranger.GetAsync(url, Cancellation);
        using var strangerEdits = await stranger.PatchAsJsonAsync(url, new { title = "Hijacked" }, Cancellation);
        using var strangerDeletes = await stranger.DeleteAsync(url, Cancellation);
        using var ownerEdits = await owner.PatchAsJsonAsync(url, new { title = "Renamed", blockedCountries = new[] { "us" } }, Cancellation);
        using var adminEdits = await admin.PatchAsJsonAsync(url, new { description = "Checked by an admin" }, Cancellation);

        await strangerReads.ProblemAsync(HttpStatusCode.NotFound);
        await strangerEdits.ProblemAsync(HttpStatusCode.NotFound);
        await strangerDeletes.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, ownerEdits.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminEdits.StatusCode);
        var stored = await owner.GetJsonAsync(url);
        Assert.Equal("Renamed", stored.GetProperty("title").GetString());
        Assert.Equal("Checked by an admin", stored.GetProperty("description").GetString());
        Assert.Equal(["US"], stored.GetProperty("blockedCountries").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal(0, stored.GetProperty("processingProgress").GetInt32());
    }

    [Fact]
    public async Task Featuring_is_for_admins_and_administrators_list_every_video()
    {
        var (creator, _) = await api.CreatorAsync();
        var admin = await api.AdminClientAsync();
        var video = await creator.CreateVideoAsync("To feature");

        using var byCreator = await creator.PutAsJsonAsync($"/api/videos/{video.Id()}/featured", new { featured = true }, Cancellation);
        using var byAdmin = await admin.PutAsJsonAsync($"/api/videos/{video.Id()}/featured", new { featured = true }, Cancellation);
        using var adminListByCreator = await creator.GetAsync("/api/admin/videos", Cancellation);
        var waiting = await admin.GetJsonAsync("/api/admin/videos?status=awaiting_upload&pageSize=100");
        using var badStatus = await admin.GetAsync("/api/admin/videos?status=finished", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, byCreator.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        Assert.True((await creator.GetJsonAsync($"/api/videos/{video.Id()}")).GetProperty("featured").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, adminListByCreator.StatusCode);
        Assert.Contains(waiting.GetProperty("items").EnumerateArray(), item => item.Id() == video.Id());
        await badStatus.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
