namespace StreamingApp.Api.Storage;

/// <summary>
/// Object storage for sources and renditions. Keys are slash-separated paths (see <see cref="BlobKey"/>);
/// implementations exist for a local folder and for S3 or any S3-compatible endpoint.
/// </summary>
public interface IBlobStore
{
    /// <summary>Short name shown in logs and health details (<c>local</c>, <c>s3</c>).</summary>
    string Provider { get; }

    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="key"/>, reading it as a stream (never buffering a whole
    /// object), replacing any previous object. Readers see the old object or the new one, never a partial write.
    /// </summary>
    Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens the object, or the byte range of it, for reading; <c>null</c> when it does not exist.</summary>
    Task<BlobContent?> GetAsync(string key, ByteRange? range, CancellationToken cancellationToken);

    Task<BlobInfo?> HeadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every object whose key starts with <paramref name="prefix"/> and returns how many there were.</summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Confirms the store is reachable and writable (used by the readiness check).</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}

public sealed record BlobInfo(string Key, long Length, string ContentType, string ETag, DateTimeOffset LastModified);

/// <summary>An inclusive byte range; <see cref="To"/> <c>null</c> means up to the end.</summary>
public sealed record ByteRange(long From, long? To)
{
    /// <summary>Clamps the range to an object of <paramref name="length"/> bytes; <c>null</c> when it starts past the end.</summary>
    public (long Offset, long Length)? Resolve(long length)
    {
        if (From < 0 || From >= length || To < From)
        {
            return null;
        }

        var last = Math.Min(To ?? length - 1, length - 1);
        return (From, last - From + 1);
    }
}

/// <summary>The requested range does not overlap the object (HTTP 416).</summary>
public sealed class BlobRangeNotSatisfiableException(string key, long length)
    : Exception($"The requested range is outside '{key}' ({length} bytes).")
{
    public long ObjectLength { get; } = length;
}

/// <summary>An open object: <see cref="Offset"/> and <see cref="Length"/> describe the part that <see cref="Stream"/> yields.</summary>
public sealed class BlobContent(BlobInfo info, Stream stream, long offset, long length) : IAsyncDisposable
{
    public BlobInfo Info { get; } = info;

    public Stream Stream { get; } = stream;

    public long Offset { get; } = offset;

    public long Length { get; } = length;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
