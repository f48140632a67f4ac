using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;
using StreamingApp.Api.Telemetry;

namespace StreamingApp.Api.Uploads;

/// <summary>
/// Accepts a video's source: checks it with ffprobe before anything is kept, stores it, moves the video to
/// processing and queues the job. On any refusal or failure nothing of the upload remains.
/// </summary>
public sealed class SourceIntake(
    IVideoStore videos, IBlobStore blobs, IMediaProbe probe, IProcessingQueue queue, ApiMetrics metrics,
    IOptions<MediaOptions> options, UploadTempFiles tempFiles, TimeProvider time, ILogger<SourceIntake> logger)
{
    private const int CopyBufferSize = 1 << 16;

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>Receives a streamed body: spooled to a temporary file (hashing it on the way), probed, then stored.</summary>
    public async Task<IntakeResult> ReceiveStreamAsync(Video video, Stream body, string contentType, CancellationToken cancellationToken)
    {
        using var spool = tempFiles.Create();
        long length;
        string sha256;
        await using (var file = spool.OpenWrite())
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[CopyBufferSize];
            length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxUploadBytes)
                {
                    return Refuse("streamed", IntakeOutcome.TooLarge, $"The file is larger than the {MaxUploadBytes} byte limit.");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        if (CheckLength("streamed", length) is { } refused)
        {
            return refused;
        }

        var probed = await probe.ProbeAsync(spool.Path, cancellationToken);
        if (!probed.IsUsableVideo)
        {
            return Refuse("streamed", IntakeOutcome.Unusable, probed.Problem!);
        }

        var key = SourceContentTypes.NewSourceKey(video.Id, contentType);
        await using (var stored = spool.OpenRead())
        {
            await blobs.PutAsync(key, stored, contentType, cancellationToken);
        }

        return await AcceptAsync(video.Id, new SourceFile(key, length, sha256, contentType), probed.Info!, "streamed", cancellationToken);
    }

    /// <summary>Takes over an object a browser uploaded straight to storage: probed where it lies, deleted if unusable.</summary>
    public async Task<IntakeResult> ReceiveStoredAsync(Video video, DirectUpload upload, string probeInput, CancellationToken cancellationToken)
    {
        var stored = await blobs.HeadAsync(upload.Key, cancellationToken);
        var refusal = stored is null
            ? Refuse("direct", IntakeOutcome.Unusable, "The uploaded file is missing.")
            : CheckLength("direct", stored.Length);
        if (refusal is null)
        {
            var probed = await probe.ProbeAsync(probeInput, cancellationToken);
            if (probed.IsUsableVideo)
            {
                // The digest of a browser upload is filled in by the worker, which reads the whole file anyway.
                return await AcceptAsync(video.Id, new SourceFile(upload.Key, stored!.Length, string.Empty, upload.ContentType), probed.Info!, "direct", cancellationToken);
            }

            refusal = Refuse("direct", IntakeOutcome.Unusable, probed.Problem!);
        }

        await blobs.DeleteAsync(upload.Key, cancellationToken);
        await videos.ChangeAsync(video.Id, current => current.PendingUpload?.UploadId == upload.UploadId ? current with { PendingUpload = null } : null, cancellationToken);
        return refusal;
    }

    private IntakeResult? CheckLength(string method, long length) =>
        length == 0 ? Refuse(method, IntakeOutcome.Unusable, "The file is empty.")
        : length > MaxUploadBytes ? Refuse(method, IntakeOutcome.TooLarge, $"The file is larger than the {MaxUploadBytes} byte limit.")
        : null;

    private async Task<IntakeResult> AcceptAsync(string videoId, SourceFile source, MediaInfo info, string method, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var accepted = await videos.ChangeAsync(videoId, video => video.Source is null && video.Status == VideoStatus.AwaitingUpload
            ? video with
            {
                Source = source,
                PendingUpload = null,
                Status = VideoStatus.Processing,
                ProcessingProgress = 0,
                DurationSeconds = info.DurationSeconds,
                UpdatedAt = now,
            }
            : null, cancellationToken);

        if (accepted is null)
        {
            // Another upload won the race, or the video was deleted meanwhile: this copy is not needed.
            await blobs.DeleteAsync(source.Key, CancellationToken.None);
            return Refuse(method, IntakeOutcome.Conflict, "This video already has a source.");
        }

        await queue.EnqueueAsync(videoId, cancellationToken);
        metrics.Upload(method, "accepted");
        logger.LogInformation("Accepted {Bytes} byte source for video {VideoId} ({Method} upload)", source.SizeBytes, videoId, method);
        return new IntakeResult(IntakeOutcome.Accepted, null, accepted);
    }

    private IntakeResult Refuse(string method, IntakeOutcome outcome, string reason)
    {
        metrics.Upload(method, outcome.ToString().ToLowerInvariant());
        return new IntakeResult(outcome, reason, null);
    }
}

public enum IntakeOutcome
{
    Accepted,
    TooLarge,
    Unusable,
    Conflict,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string? Problem, Video? Video);
