using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamingApp.Api.Tests.Apis;

/// <summary>The calls a client makes, written once for every Api test.</summary>
internal static class ApiCalls
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> CreateVideoAsync(this HttpClient client, string title = "Test clip", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = title, ["description"] = "Made by a test", ["genre"] = "Documentary" };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = property.GetValue(extra);
        }

        using var response = await client.PostAsJsonAsync("/api/videos", body, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    public static async Task<HttpResponseMessage> UploadSourceAsync(this HttpClient client, string videoId, Stream content, string contentType = "video/mp4")
    {
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PutAsync($"/api/videos/{videoId}/source", body, Cancellation);
    }

    public static async Task<HttpResponseMessage> UploadFileAsync(this HttpClient client, string videoId, string path, string contentType = "video/mp4")
    {
        await using var file = File.OpenRead(path);
        return await client.UploadSourceAsync(videoId, file, contentType);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await client.GetFromJsonAsync<JsonElement>(url, Cancellation);

    /// <summary>Polls the video until <paramref name="status"/>, failing with the last state seen if it never comes.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string videoId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        JsonElement video;
        do
        {
            video = await client.GetJsonAsync($"/api/videos/{videoId}");
            if (video.GetProperty("status").GetString() == status)
            {
                return video;
            }

            await Task.Delay(250, Cancellation);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Video {videoId} did not become {status}; last seen: {video}");
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? typeSuffix = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        if (typeSuffix is not null)
        {
            Assert.EndsWith("/" + typeSuffix, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        return problem;
    }

    public static string Id(this JsonElement video) => video.GetProperty("id").GetString()!;
}
