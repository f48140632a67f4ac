namespace StreamingApp.Api.Media.Processing;

/// <summary>
/// A job's scratch folder (<c>{TempDirectory}/job-{videoId}-{lease}</c>) holding the source copy, ffmpeg's output and
/// the storyboard tiles; deleted with everything in it when the attempt ends, however it ends.
/// </summary>
public sealed class JobWorkspace : IDisposable
{
    public const string FolderPrefix = "job-";

    private JobWorkspace(string path)
    {
        Path = path;
        Directory.CreateDirectory(OutputFolder);
        Directory.CreateDirectory(TilesFolder);
    }

    public string Path { get; }

    /// <summary>Mirrors the blob prefix the attempt publishes to.</summary>
    public string OutputFolder => System.IO.Path.Combine(Path, "out");

    public string TilesFolder => System.IO.Path.Combine(Path, "tiles");

    public static JobWorkspace Create(string root, ProcessingJob job) =>
        new(System.IO.Path.Combine(root, $"{FolderPrefix}{job.VideoId}-{job.LeaseId}"));

    /// <summary>
    /// Deletes job folders left by a process that was killed. Only folders untouched for <paramref name="olderThan"/>
    /// go, so a shared temp folder never loses a job another process is still writing.
    /// </summary>
    public static int SweepStale(string root, TimeSpan olderThan, DateTimeOffset now)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var swept = 0;
        foreach (var folder in Directory.EnumerateDirectories(root, FolderPrefix + "*"))
        {
            if (now - LastWrite(folder) >= olderThan && TryDelete(folder))
            {
                swept++;
            }
        }

        return swept;
    }

    public void Dispose() => TryDelete(Path);

    private static DateTimeOffset LastWrite(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(entry => new DateTimeOffset(entry.LastWriteTimeUtc))
            .Append(new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder)))
            .Max();

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }
}
