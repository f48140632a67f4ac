using System.Text.Json;

namespace StreamingApp.Frontend.Tests;

/// <summary>Api answers as JSON, built from the Frontend's own contracts so the shapes cannot drift apart.</summary>
internal static class TestData
{
    public static VideoSummary Summary(string id, string title, string genre = "Drama", double? duration = 120, string? thumbnail = null) =>
        new(id, title, $"About {title}", genre, [], 2024, duration, false, 3, DateTimeOffset.UnixEpoch, thumbnail ?? $"/media/{id}/thumb.jpg?sig=x");

    public static VideoDetails Details(string id, string title, string status = VideoStatus.Ready, string ownerId = "owner") =>
        new(id, ownerId, title, $"About {title}", "Sci-Fi", ["space"], 2024, 600, status, status == VideoStatus.Processing ? 40 : null, null,
            Visibility.Public, false, [], [], [new Rendition(640, 360, 800_000, "avc1.64001e,mp4a.40.2"), new Rendition(1280, 720, 2_500_000, "avc1.64001f,mp4a.40.2")],
            7, $"/media/{id}/thumb.jpg", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, true);

    public static string Page<T>(params T[] items) => Json(new PagedList<T>(items, 1, 20, items.Length));

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static string Problem(int status, string type, string title, string? detail = null) =>
        Json(new { type = $"https://streamingapp.dev/problems/{type}", title, status, detail });
}
