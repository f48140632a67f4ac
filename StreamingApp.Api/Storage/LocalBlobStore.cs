using System.Runtime.CompilerServices;

namespace StreamingApp.Api.Storage;

/// <summary>
/// Blobs as files below one folder. Writes land in a temporary file that is renamed into place, so a crash
/// or a cancelled upload never leaves a partial object. Content types follow the key's extension.
/// </summary>
public sealed class LocalBlobStore : IBlobStore
{
    private const string TemporaryFolder = ".incoming";

    public LocalBlobStore(string rootPath)
    {
        RootPath = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(Path.Combine(RootPath, TemporaryFolder));
    }

    public string Provider => "local";

    public string RootPath { get; }

    /// <summary>The file behind a key, so the media endpoint can serve it with zero-copy send.</summary>
    public string GetFilePath(string key) => Path.Combine(RootPath, BlobKey.Validate(key));

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = GetFilePath(key);
        var temporaryPath = Path.Combine(RootPath, TemporaryFolder, $"{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 1 << 16, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporaryPath, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }

        return Describe(key, new FileInfo(path));
    }

    public Task<BlobContent?> GetAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        var file = new FileInfo(GetFilePath(key));
        if (!file.Exists)
        {
            return Task.FromResult<BlobContent?>(null);
        }

        var info = Describe(key, file);
        var (offset, length) = (0L, file.Length);
        if (range is not null)
        {
            (offset, length) = range.Resolve(file.Length) ?? throw new BlobRangeNotSatisfiableException(key, file.Length);
        }

        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<BlobContent?>(new BlobContent(info, new BoundedReadStream(stream, length), offset, length));
    }

    public Task<BlobInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(GetFilePath(key));
        return Task.FromResult(file.Exists ? Describe(key, file) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = GetFilePath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in ListAsync(prefix, cancellationToken))
        {
            File.Delete(GetFilePath(blob.Key));
            deleted++;
        }

        RemoveEmptyFolders(prefix);
        return deleted;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobKey.ValidatePrefix(prefix);
        // Walk only the deepest folder the prefix names, then filter by the remaining key prefix.
        var folder = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : string.Empty;
        var root = Path.Combine(RootPath, folder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: Path.GetRelativePath(RootPath, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => file.Key.StartsWith(prefix, StringComparison.Ordinal) && !file.Key.StartsWith(TemporaryFolder + "/", StringComparison.Ordinal))
            .OrderBy(file => file.Key, StringComparer.Ordinal);

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(file.Path);
            if (info.Exists)
            {
                yield return Describe(file.Key, info);
            }

            await Task.Yield();
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(RootPath, TemporaryFolder, $"health-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        File.Delete(probe);
    }

    private void RemoveEmptyFolders(string prefix)
    {
        var folder = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : string.Empty;
        var path = Path.Combine(RootPath, folder);
        if (folder.Length == 0 || !Directory.Exists(path))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(path))
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    private static BlobInfo Describe(string key, FileInfo file) => new(
        key,
        file.Length,
        BlobContentTypes.FromKey(key),
        $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"",
        new DateTimeOffset(file.LastWriteTimeUtc));
}
