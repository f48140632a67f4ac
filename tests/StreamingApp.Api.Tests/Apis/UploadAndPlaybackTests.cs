using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Tests.Media;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Tests.Apis;

/// <summary>An Api that processes uploads quickly and accepts sources up to 1 MB.</summary>
public sealed class UploadingApiFactory : ApiFactory
{
    public const long MaxUploadBytes = 1024 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Media:X264Preset"] = "ultrafast",
        ["Media:Worker:PollInterval"] = "00:00:00.200",
    };
}

/// <summary>Creators upload, the worker publishes, viewers play through signed URLs: over HTTP, with real ffmpeg.</summary>
public sealed class UploadAndPlaybackTests(UploadingApiFactory api, MediaClips clips) : IClassFixture<UploadingApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_clip_is_processed_and_plays_through_signed_urls_and_resumes_from_history()
    {
        var (creator, _) = await api.CreatorAsync();
        var (viewer, _) = await api.ClientForNewAccountAsync(AppRoles.Viewer);
        var video = await creator.CreateVideoAsync("Signed playback");

        using (var upload = await creator.UploadFileAsync(video.Id(), await clips.SmallAsync()))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            Assert.Equal("processing", (await upload.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("status").GetString());
        }

        var ready = await creator.WaitForStatusAsync(video.Id(), "ready");
        Assert.Equal(100, ready.GetProperty("processingProgress").GetInt32());
        Assert.Equal(240, Assert.Single(ready.GetProperty("renditions").EnumerateArray()).GetProperty("height").GetInt32());

        var playback = await viewer.GetJsonAsync($"/api/videos/{video.Id()}/playback");
        var master = await viewer.GetAsync(playback.GetProperty("hlsUrl").GetString(), Cancellation);
        var masterText = await master.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal("application/vnd.apple.mpegurl", master.Content.Headers.ContentType?.MediaType);
        Assert.Contains("#EXT-X-STREAM-INF:", masterText, StringComparison.Ordinal);

        var variantUrl = Resolve(master.RequestMessage!.RequestUri!, masterText.Split('\n').First(line => line.Contains(".m3u8", StringComparison.Ordinal)));
        var variantText = await viewer.GetStringAsync(variantUrl, Cancellation);
        var init = Resolve(variantUrl, variantText.Split("URI=\"")[1].Split('"')[0]);
        var segment = Resolve(variantUrl, variantText.Split('\n').First(line => line.Contains(".m4s", StringComparison.Ordinal)));

        using var initResponse = await viewer.GetAsync(init, Cancellation);
        Assert.Equal(HttpStatusCode.OK, initResponse.StatusCode);
        using var segmentRequest = new HttpRequestMessage(HttpMethod.Get, segment);
        segmentRequest.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        using var partial = await viewer.SendAsync(segmentRequest, Cancellation);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync(Cancellation)).Length);
        Assert.Equal("bytes", partial.Content.Headers.ContentRange?.Unit);
        Assert.Contains("immutable", partial.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var thumbnail = await viewer.GetAsync(playback.GetProperty("thumbnailUrl").GetString(), Cancellation);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        var storyboard = await viewer.GetStringAsync(playback.GetProperty("storyboardUrl").GetString(), Cancellation);
        Assert.StartsWith("WEBVTT", storyboard, StringComparison.Ordinal);

        using (var progress = await viewer.PutAsJsonAsync($"/api/me/progress/{video.Id()}", new { positionSeconds = 1.25 }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, progress.StatusCode);
        }

        var history = await viewer.GetJsonAsync("/api/me/history");
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal(video.Id(), entry.GetProperty("video").GetProperty("id").GetString());
        Assert.Equal(1.25, entry.GetProperty("positionSeconds").GetDouble());
        Assert.Equal(1, (await viewer.GetJsonAsync($"/api/videos/{video.Id()}")).GetProperty("viewCount").GetInt64());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("truncated")]
    [InlineData("audio")]
    public async Task Unusable_sources_are_refused_with_the_reason_and_leave_nothing_behind(string kind)
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();
        byte[] content = kind switch
        {
            "text" => "This is a shopping list, not a film."u8.ToArray(),
            "empty" => [],
            "truncated" => (await File.ReadAllBytesAsync(await clips.SmallAsync(), Cancellation))[..2000],
            _ => await File.ReadAllBytesAsync(await clips.AudioOnlyAsync(), Cancellation),
        };

        using var response = await creator.UploadSourceAsync(video.Id(), new MemoryStream(content));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "unusable-video");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal("awaiting_upload", (await creator.GetJsonAsync($"/api/videos/{video.Id()}")).GetProperty("status").GetString());
        AssertNothingStoredFor(video.Id());
    }

    [Fact]
    public async Task Only_video_content_types_are_accepted()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();

        using var response = await creator.UploadFileAsync(video.Id(), await clips.SmallAsync(), "text/plain");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        AssertNothingStoredFor(video.Id());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_while_streaming_and_nothing_is_kept()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();

        // No Content-Length: the limit is enforced on the bytes as they arrive.
        using var response = await creator.UploadSourceAsync(video.Id(), new ChunkedStream(UploadingApiFactory.MaxUploadBytes + 64 * 1024));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "upload-too-large");
        AssertNothingStoredFor(video.Id());
    }

    [Fact]
    public async Task A_video_takes_one_source_only_and_only_from_its_owner()
    {
        var (creator, _) = await api.CreatorAsync();
        var (otherCreator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();

        using var stranger = await otherCreator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        using var first = await creator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        using var second = await creator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        using var direct = await creator.PostAsJsonAsync($"/api/videos/{video.Id()}/uploads", new { contentType = "video/mp4", sizeBytes = 1000 }, Cancellation);

        await stranger.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await second.ProblemAsync(HttpStatusCode.Conflict, "source-exists");
        await direct.ProblemAsync(HttpStatusCode.Conflict, "direct-upload-unavailable");
        Assert.Single(Directory.EnumerateFiles(Path.Combine(api.BlobDirectory, "sources", video.Id())));
    }

    [Fact]
    public async Task Signed_media_urls_refuse_expired_tampered_and_out_of_scope_requests()
    {
        var (creator, _) = await api.CreatorAsync();
        var first = await PublishAsync(creator, "First");
        var second = await PublishAsync(creator, "Second");
        var url = (await creator.GetJsonAsync($"/api/videos/{first.Id()}/playback")).GetProperty("hlsUrl").GetString()!;
        var otherPrefix = (await creator.GetJsonAsync($"/api/videos/{second.Id()}/playback")).GetProperty("hlsUrl").GetString()!.Split('?')[0];
        var query = url.Split('?')[1];
        var scope = System.Web.HttpUtility.ParseQueryString(query)["scope"]!;
        var expired = api.Services.GetRequiredService<MediaToken>().CreateQuery(scope, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var tampered = await creator.GetAsync(url.Replace("sig=", "sig=x", StringComparison.Ordinal), Cancellation);
        using var outOfScope = await creator.GetAsync($"{otherPrefix}?{query}", Cancellation);
        using var late = await creator.GetAsync($"{url.Split('?')[0]}?{expired}", Cancellation);
        using var unsigned = await creator.GetAsync(url.Split('?')[0], Cancellation);

        await tampered.ProblemAsync(HttpStatusCode.Forbidden, "media-url-invalid");
        await outOfScope.ProblemAsync(HttpStatusCode.Forbidden, "media-url-invalid");
        await late.ProblemAsync(HttpStatusCode.Forbidden, "media-url-expired");
        await unsigned.ProblemAsync(HttpStatusCode.Forbidden, "media-url-invalid");
    }

    [Fact]
    public async Task Playback_waits_for_processing_and_needs_a_signed_in_viewer()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();
        using var anonymous = api.CreateClient();

        using var notReady = await creator.GetAsync($"/api/videos/{video.Id()}/playback", Cancellation);
        using var unauthenticated = await anonymous.GetAsync($"/api/videos/{video.Id()}/playback", Cancellation);

        await notReady.ProblemAsync(HttpStatusCode.Conflict, "not-ready");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_video_removes_every_stored_object_and_its_history()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await PublishAsync(creator, "Short-lived");
        await creator.PutAsJsonAsync($"/api/me/progress/{video.Id()}", new { positionSeconds = 1 }, Cancellation);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(api.BlobDirectory, "media", video.Id()), "*", SearchOption.AllDirectories));

        using var deleted = await creator.DeleteAsync($"/api/videos/{video.Id()}", Cancellation);
        using var gone = await creator.GetAsync($"/api/videos/{video.Id()}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        AssertNothingStoredFor(video.Id());
        Assert.False(Directory.Exists(Path.Combine(api.BlobDirectory, "media", video.Id())));
        Assert.Empty((await creator.GetJsonAsync("/api/me/history")).EnumerateArray());
    }

    private async Task<JsonElement> PublishAsync(HttpClient creator, string title)
    {
        var video = await creator.CreateVideoAsync(title);
        using var upload = await creator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        return await creator.WaitForStatusAsync(video.Id(), "ready");
    }

    private void AssertNothingStoredFor(string videoId)
    {
        var sources = Path.Combine(api.BlobDirectory, "sources", videoId);
        Assert.True(!Directory.Exists(sources) || !Directory.EnumerateFiles(sources).Any(), $"Source objects remain in {sources}.");
        var uploads = Path.Combine(api.DataDirectory, "tmp", "uploads");
        Assert.True(!Directory.Exists(uploads) || !Directory.EnumerateFiles(uploads).Any(), "A temporary upload file remains.");
    }

    private static Uri Resolve(Uri baseUri, string relative) => new(baseUri, relative.Trim());

    /// <summary>Zeros of a given length, readable only forward (so the client sends it chunked).</summary>
    private sealed class ChunkedStream(long length) : Stream
    {
        private long _remaining = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, _remaining);
            Array.Clear(buffer, offset, read);
            _remaining -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
