using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Api.Tests.Media;

namespace StreamingApp.Api.Tests.Apis;

/// <summary>The Api storing in a bucket on moto_server, so browsers can upload straight to S3.</summary>
public sealed class S3ApiFactory(MotoServer moto) : ApiFactory
{
    public const int PartSize = 5 * 1024 * 1024;

    private string? _bucket;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _bucket = await moto.CreateBucketAsync();
        // The AWS SDK reads credentials from the standard chain; moto accepts any.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "s3",
        ["Storage:S3:Bucket"] = _bucket,
        ["Storage:S3:ServiceUrl"] = moto.ServiceUrl,
        ["Storage:S3:Region"] = MotoServer.Region,
        ["Storage:S3:ServerSideEncryption"] = "AES256",
        ["Media:DirectUploads:PartSize"] = PartSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Media:X264Preset"] = "ultrafast",
        ["Media:Worker:PollInterval"] = "00:00:00.200",
    };
}

public sealed class DirectUploadTests(S3ApiFactory api, MediaClips clips) : IClassFixture<S3ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly HttpClient _s3 = new();

    [Fact]
    public async Task A_browser_uploads_straight_to_s3_and_the_video_is_processed()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync("Direct");
        var clip = await File.ReadAllBytesAsync(await clips.SmallAsync(), Cancellation);

        var upload = await StartAsync(creator, video.Id(), clip.Length);
        var part = Assert.Single(upload.GetProperty("parts").EnumerateArray());
        var etag = await PutPartAsync(part.GetProperty("url").GetString()!, clip);
        var status = await creator.GetJsonAsync($"/api/videos/{video.Id()}/uploads/{upload.GetProperty("uploadId").GetString()}");
        using var completed = await creator.PostAsJsonAsync(
            $"/api/videos/{video.Id()}/uploads/{upload.GetProperty("uploadId").GetString()}/complete",
            new { parts = new[] { new { partNumber = 1, eTag = etag } } }, Cancellation);

        Assert.Equal(1, Assert.Single(status.GetProperty("receivedParts").EnumerateArray()).GetProperty("partNumber").GetInt32());
        Assert.Empty(status.GetProperty("missingParts").EnumerateArray());
        Assert.Equal(HttpStatusCode.Accepted, completed.StatusCode);
        await creator.WaitForStatusAsync(video.Id(), "ready");
        var stored = await api.Services.GetRequiredService<IVideoStore>().GetAsync(video.Id(), Cancellation);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(clip)), stored!.Source!.Sha256);
        Assert.Null(stored.PendingUpload);
    }

    [Fact]
    public async Task An_interrupted_upload_resumes_from_the_parts_s3_has_and_can_be_abandoned()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync("Resumable");
        var upload = await StartAsync(creator, video.Id(), S3ApiFactory.PartSize + 1000);
        var uploadUrl = $"/api/videos/{video.Id()}/uploads/{upload.GetProperty("uploadId").GetString()}";
        Assert.Equal(2, upload.GetProperty("parts").GetArrayLength());

        await PutPartAsync(upload.GetProperty("parts")[0].GetProperty("url").GetString()!, new byte[S3ApiFactory.PartSize]);
        var resumed = await creator.GetJsonAsync(uploadUrl);
        using var second = await creator.PostAsJsonAsync($"/api/videos/{video.Id()}/uploads", new { contentType = "video/mp4", sizeBytes = 10 }, Cancellation);
        using var aborted = await creator.DeleteAsync(uploadUrl, Cancellation);
        using var afterAbort = await creator.GetAsync(uploadUrl, Cancellation);

        Assert.Equal([1], resumed.GetProperty("receivedParts").EnumerateArray().Select(part => part.GetProperty("partNumber").GetInt32()));
        Assert.Equal([2], resumed.GetProperty("missingParts").EnumerateArray().Select(part => part.GetProperty("partNumber").GetInt32()));
        await second.ProblemAsync(HttpStatusCode.Conflict, "source-exists");
        Assert.Equal(HttpStatusCode.NoContent, aborted.StatusCode);
        await afterAbort.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("awaiting_upload", (await creator.GetJsonAsync($"/api/videos/{video.Id()}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_direct_upload_that_is_not_a_video_is_deleted_and_refused()
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync("Not a video");
        var text = "Definitely not a film"u8.ToArray();
        var upload = await StartAsync(creator, video.Id(), text.Length);
        var etag = await PutPartAsync(upload.GetProperty("parts")[0].GetProperty("url").GetString()!, text);

        using var wrongEtag = await creator.PostAsJsonAsync(
            $"/api/videos/{video.Id()}/uploads/{upload.GetProperty("uploadId").GetString()}/complete",
            new { parts = new[] { new { partNumber = 1, eTag = "\"0000\"" } } }, Cancellation);
        using var completed = await creator.PostAsJsonAsync(
            $"/api/videos/{video.Id()}/uploads/{upload.GetProperty("uploadId").GetString()}/complete",
            new { parts = new[] { new { partNumber = 1, eTag = etag } } }, Cancellation);

        await wrongEtag.ProblemAsync(HttpStatusCode.BadRequest, "invalid-parts");
        await completed.ProblemAsync(HttpStatusCode.UnprocessableEntity, "unusable-video");
        var blobs = api.Services.GetRequiredService<IBlobStore>();
        Assert.Empty(await blobs.ListAsync($"sources/{video.Id()}/", Cancellation).ToListAsync(Cancellation));
        var stored = await api.Services.GetRequiredService<IVideoStore>().GetAsync(video.Id(), Cancellation);
        Assert.Null(stored!.PendingUpload);
        Assert.Equal(VideoStatus.AwaitingUpload, stored.Status);
    }

    [Theory]
    [InlineData("text/plain", 100)]
    [InlineData("video/mp4", 0)]
    [InlineData("video/mp4", 5L * 1024 * 1024 * 1024)]
    public async Task Bad_upload_requests_are_refused_before_anything_starts(string contentType, long size)
    {
        var (creator, _) = await api.CreatorAsync();
        var video = await creator.CreateVideoAsync();

        using var response = await creator.PostAsJsonAsync($"/api/videos/{video.Id()}/uploads", new { contentType, sizeBytes = size }, Cancellation);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null((await api.Services.GetRequiredService<IVideoStore>().GetAsync(video.Id(), Cancellation))!.PendingUpload);
    }

    private static async Task<JsonElement> StartAsync(HttpClient creator, string videoId, long size)
    {
        using var response = await creator.PostAsJsonAsync($"/api/videos/{videoId}/uploads", new { fileName = "clip.mp4", contentType = "video/mp4", sizeBytes = size }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private async Task<string> PutPartAsync(string url, byte[] content)
    {
        using var response = await _s3.PutAsync(url, new ByteArrayContent(content), Cancellation);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }
}
