using System.Security.Cryptography;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media.Transcoding;

namespace StreamingApp.Api.Media.Processing;

/// <summary>The source cannot be used; retrying will not help, so the video fails at once with this creator-facing reason.</summary>
public sealed class UnusableSourceException(string reason) : Exception(reason);

/// <summary>
/// Processes one claimed job: fetch the source, probe it, thumbnail, one ffmpeg run for the ladder and storyboard
/// tiles, sprite sheet and WebVTT, upload under a new version prefix, switch the video to it, delete the previous
/// version. Decides what a failure means: unusable source fails the video, anything else is retried with backoff
/// until the attempts run out.
/// </summary>
public sealed class VideoProcessor(
    IVideoStore videos,
    IProcessingJobStore jobs,
    IBlobStore blobs,
    IMediaProbe probe,
    FfmpegTranscoder transcoder,
    MediaTelemetry telemetry,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<VideoProcessor> logger)
{
    private const int UploadParallelism = 4;
    private const int MaxReasonLength = 1000;

    // Share of the progress bar each step ends at; the encode is the long part.
    private const int FetchedPercent = 2;
    private const int ProbedPercent = 4;
    private const int ThumbnailPercent = 5;
    private const int EncodedPercent = 90;
    private const int StoryboardPercent = 91;
    private const int UploadedPercent = 99;

    private MediaWorkerOptions Worker => options.Value.Worker;

    /// <summary>How long to wait before the attempt after <paramref name="failedAttempts"/> failed ones: doubling from the retry delay, capped.</summary>
    public static TimeSpan RetryDelay(MediaWorkerOptions worker, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(worker.RetryDelay.Ticks * factor, worker.MaxRetryDelay.Ticks));
    }

    public async Task ProcessAsync(ProcessingJob job, CancellationToken stopping)
    {
        using var activity = telemetry.ActivitySource.StartActivity("media.process");
        activity?.SetTag("video.id", job.VideoId);
        activity?.SetTag("media.attempt", job.Attempts);
        await using var lease = new JobLease(jobs, job, Worker.LeaseDuration, time, logger, stopping);
        using var workspace = JobWorkspace.Create(options.Value.TempDirectory!, job);
        var attempt = new Attempt(lease, workspace);
        try
        {
            if (job.Attempts > Worker.MaxAttempts)
            {
                // Every earlier attempt ended without a verdict (the worker was killed or lost its lease).
                await FailAsync(attempt, job.LastError ?? $"Processing was interrupted {job.Attempts - 1} times.", lease.Token);
                return;
            }

            await RunAsync(attempt);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("Shutting down: handing the processing job of video {VideoId} back to the queue", job.VideoId);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await jobs.AbandonAsync(job, timeout.Token);
        }
        catch (OperationCanceledException) when (lease.IsLost)
        {
            logger.LogWarning("Stopped processing video {VideoId}: its job was re-enqueued, cancelled or taken over", job.VideoId);
            if (attempt.Prefix is { } prefix && await videos.GetAsync(job.VideoId, stopping) is null)
            {
                await blobs.DeletePrefixAsync(prefix, stopping);
            }
        }
        catch (UnusableSourceException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            await FailAsync(attempt, exception.Message, lease.Token);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            await RetryOrFailAsync(attempt, exception, lease.Token);
        }
    }

    private async Task RunAsync(Attempt attempt)
    {
        var job = attempt.Lease.Job;
        var cancellationToken = attempt.Lease.Token;
        var video = await videos.GetAsync(job.VideoId, cancellationToken);
        if (video is null)
        {
            logger.LogInformation("Video {VideoId} was deleted before processing; dropping its job", job.VideoId);
            await jobs.CompleteAsync(job, cancellationToken);
            return;
        }

        var source = video.Source ?? throw new UnusableSourceException("No source file has been uploaded for this video.");
        await videos.ChangeAsync(video.Id, current => current with
        {
            // A published video stays playable (and listed) while a new source is processed.
            Status = current.Status == VideoStatus.Ready ? VideoStatus.Ready : VideoStatus.Processing,
            FailureReason = null,
            ProcessingProgress = 0,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
        var progress = new ProgressWriter(videos, video.Id, time);

        string input;
        using (Step("media.fetch_source"))
        {
            (input, attempt.SourceSha256) = await FetchSourceAsync(source, attempt.Workspace, cancellationToken);
        }

        await progress.ReportAsync(FetchedPercent, cancellationToken);
        MediaInfo info;
        using (Step("media.probe"))
        {
            var result = await probe.ProbeAsync(input, cancellationToken);
            info = result.Info ?? throw new UnusableSourceException(result.Problem ?? "The file is not a usable video.");
        }

        await progress.ReportAsync(ProbedPercent, cancellationToken);
        var prefix = MediaLayout.Prefix(video.Id, MediaLayout.NextVersion(video));
        attempt.Prefix = prefix;
        // Whatever an interrupted attempt left under this prefix is not referenced by anything.
        await blobs.DeletePrefixAsync(prefix, cancellationToken);

        var output = attempt.Workspace.OutputFolder;
        using (Step("media.thumbnail"))
        {
            await transcoder.CreateThumbnailAsync(input, info, Path.Combine(output, FfmpegTranscoder.ThumbnailFileName), cancellationToken);
        }

        await progress.ReportAsync(ThumbnailPercent, cancellationToken);
        var plans = RenditionLadder.Plan(options.Value.Ladder, info.Video.DisplayWidth, info.Video.DisplayHeight);
        var storyboard = Storyboard.For(info.DurationSeconds);
        IReadOnlyList<Rendition> renditions;
        using (var step = Step("media.transcode"))
        {
            step?.SetTag("media.renditions", string.Join(',', plans.Select(plan => plan.Name)));
            var started = time.GetTimestamp();
            renditions = await transcoder.CreateLadderAsync(input, info, plans, storyboard, output, attempt.Workspace.TilesFolder,
                share => progress.ReportAsync(ThumbnailPercent + (int)(share * (EncodedPercent - ThumbnailPercent)), cancellationToken),
                cancellationToken);
            telemetry.RecordTranscode(time.GetElapsedTime(started), renditions.Count);
        }

        using (Step("media.storyboard"))
        {
            await transcoder.CreateStoryboardAsync(storyboard, info, attempt.Workspace.TilesFolder, output, cancellationToken);
        }

        await progress.ReportAsync(StoryboardPercent, cancellationToken);
        using (Step("media.upload"))
        {
            await UploadAsync(output, prefix, progress, cancellationToken);
        }

        // Publishing after losing the lease could overwrite a newer source's result.
        await attempt.Lease.EnsureHeldAsync();
        using (Step("media.publish"))
        {
            await PublishAsync(attempt, info, renditions, cancellationToken);
        }
    }

    private async Task PublishAsync(Attempt attempt, MediaInfo info, IReadOnlyList<Rendition> renditions, CancellationToken cancellationToken)
    {
        var job = attempt.Lease.Job;
        var prefix = attempt.Prefix!;
        string? previousPrefix = null;
        var published = await videos.ChangeAsync(job.VideoId, current =>
        {
            previousPrefix = current.MediaPrefix;
            var now = time.GetUtcNow();
            return current with
            {
                Status = VideoStatus.Ready,
                FailureReason = null,
                ProcessingProgress = 100,
                DurationSeconds = Math.Round(info.DurationSeconds, 3),
                Renditions = renditions,
                MediaPrefix = prefix,
                ThumbnailKey = prefix + FfmpegTranscoder.ThumbnailFileName,
                StoryboardKey = prefix + Storyboard.TrackFileName,
                PublishedAt = current.PublishedAt ?? now,
                UpdatedAt = now,
                Source = current.Source is { Sha256: "" } source && attempt.SourceSha256 is { } digest ? source with { Sha256 = digest } : current.Source,
            };
        }, cancellationToken);

        if (published is null)
        {
            logger.LogInformation("Video {VideoId} was deleted while it was processed; removing its new media", job.VideoId);
            await blobs.DeletePrefixAsync(prefix, cancellationToken);
        }
        else if (previousPrefix is not null && previousPrefix != prefix)
        {
            await blobs.DeletePrefixAsync(previousPrefix, cancellationToken);
        }

        await jobs.CompleteAsync(job, cancellationToken);
        logger.LogInformation("Processed video {VideoId} into {Prefix} ({Renditions})", job.VideoId, prefix, string.Join(", ", renditions.Select(r => $"{r.Width}x{r.Height}")));
    }

    /// <summary>
    /// The source as a local file: the blob itself for the local store, otherwise a streamed copy in the workspace.
    /// Sources uploaded straight to storage arrive without a digest; it is computed here, where the bytes are read anyway.
    /// </summary>
    private async Task<(string Path, string? Sha256)> FetchSourceAsync(SourceFile source, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var needsDigest = string.IsNullOrEmpty(source.Sha256);
        if (blobs is LocalBlobStore local)
        {
            var path = local.GetFilePath(source.Key);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The source file {source.Key} is not in blob storage.");
            }

            await using var stored = File.OpenRead(path);
            return (path, needsDigest ? Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken)) : null);
        }

        await using var content = await blobs.GetAsync(source.Key, null, cancellationToken)
            ?? throw new FileNotFoundException($"The source file {source.Key} is not in blob storage.");
        var target = Path.Combine(workspace.Path, "source" + Path.GetExtension(source.Key));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.Stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (target, needsDigest ? Convert.ToHexStringLower(hash.GetHashAndReset()) : null);
    }

    /// <summary>Uploads media first and playlists last, the master at the very end, so every playlist refers to objects that exist.</summary>
    private async Task UploadAsync(string folder, string prefix, ProgressWriter progress, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: prefix + Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        var isPlaylist = (string key) => key.EndsWith(".m3u8", StringComparison.Ordinal);
        var isMaster = (string key) => key == prefix + HlsPlaylists.MasterFileName;
        var uploaded = 0;

        async ValueTask UploadOneAsync((string Path, string Key) file, CancellationToken token)
        {
            await using (var content = File.OpenRead(file.Path))
            {
                await blobs.PutAsync(file.Key, content, BlobContentTypes.FromKey(file.Key), token);
            }

            var done = Interlocked.Increment(ref uploaded);
            await progress.ReportAsync(StoryboardPercent + (UploadedPercent - StoryboardPercent) * done / files.Count, token);
        }

        await Parallel.ForEachAsync(files.Where(file => !isPlaylist(file.Key)),
            new ParallelOptions { MaxDegreeOfParallelism = UploadParallelism, CancellationToken = cancellationToken }, UploadOneAsync);
        foreach (var file in files.Where(file => isPlaylist(file.Key)).OrderBy(file => isMaster(file.Key)))
        {
            await UploadOneAsync(file, cancellationToken);
        }
    }

    private async Task RetryOrFailAsync(Attempt attempt, Exception exception, CancellationToken cancellationToken)
    {
        var job = attempt.Lease.Job;
        var error = Describe(exception, attempt.Workspace);
        if (job.Attempts >= Worker.MaxAttempts)
        {
            logger.LogError(exception, "Processing video {VideoId} failed on attempt {Attempt} of {MaxAttempts}; giving up", job.VideoId, job.Attempts, Worker.MaxAttempts);
            await FailAsync(attempt, $"Processing failed {job.Attempts} times. Last error: {error}", cancellationToken);
            return;
        }

        var delay = RetryDelay(Worker, job.Attempts);
        logger.LogWarning(exception, "Processing video {VideoId} failed on attempt {Attempt} of {MaxAttempts}; retrying in {Delay}", job.VideoId, job.Attempts, Worker.MaxAttempts, delay);
        telemetry.RecordFailure(permanent: false);
        await jobs.RetryLaterAsync(job, error, time.GetUtcNow() + delay, cancellationToken);
    }

    private async Task FailAsync(Attempt attempt, string reason, CancellationToken cancellationToken)
    {
        var job = attempt.Lease.Job;
        reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "…" : reason;
        logger.LogWarning("Processing video {VideoId} failed: {Reason}", job.VideoId, reason);
        telemetry.RecordFailure(permanent: true);
        await videos.ChangeAsync(job.VideoId, video => video with
        {
            Status = VideoStatus.Failed,
            FailureReason = reason,
            ProcessingProgress = 0,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
        if (attempt.Prefix is { } prefix)
        {
            await blobs.DeletePrefixAsync(prefix, cancellationToken);
        }

        await jobs.CompleteAsync(job, cancellationToken);
    }

    /// <summary>The error without the worker's scratch paths, which mean nothing to a creator.</summary>
    private static string Describe(Exception exception, JobWorkspace workspace) =>
        exception.Message.Replace(workspace.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private Activity? Step(string name) => telemetry.ActivitySource.StartActivity(name);

    /// <summary>What one attempt holds: its lease, its scratch folder and, once chosen, the prefix it publishes to.</summary>
    private sealed class Attempt(JobLease lease, JobWorkspace workspace)
    {
        public JobLease Lease { get; } = lease;

        public JobWorkspace Workspace { get; } = workspace;

        public string? Prefix { get; set; }

        /// <summary>The source's digest when it had none yet (uploaded straight to storage).</summary>
        public string? SourceSha256 { get; set; }
    }
}
