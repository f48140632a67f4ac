using Microsoft.Extensions.Options;
using StreamingApp.Api.Media;

namespace StreamingApp.Api.Uploads;

/// <summary>Temporary files for incoming uploads, deleted when disposed whatever happened.</summary>
public sealed class UploadTempFiles(IOptions<MediaOptions> options)
{
    public TempFile Create()
    {
        var directory = Path.Combine(options.Value.TempDirectory!, "uploads");
        Directory.CreateDirectory(directory);
        return new TempFile(Path.Combine(directory, $"upload-{Guid.NewGuid():N}.part"));
    }
}

public sealed class TempFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public FileStream OpenWrite() => new(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous);

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose() => File.Delete(Path);
}
