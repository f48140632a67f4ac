using Microsoft.AspNetCore.Http.Features;
using System.IO.Pipelines;

namespace StreamingApp.Api.Storage;

/// <summary>
/// Sends files in 256 KB reads made straight into the response pipe. Kestrel has no zero-copy sendfile; its fallback
/// reads 16 KB at a time through an asynchronous file stream (on Linux each read is a thread-pool hop) and copies every
/// chunk once more into the pipe, which costs far more CPU per byte than the copying itself. The framework still does
/// everything else (ranges, conditional requests, headers); only the copy loop is replaced.
/// </summary>
public sealed class LargeChunkFileBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private const int ChunkSize = 256 * 1024;

    /// <summary>Makes files sent in this response (<c>Results.File</c>, <c>PhysicalFile</c>, <c>SendFileAsync</c>) go out in large chunks.</summary>
    public static void Use(HttpContext context) =>
        context.Features.Set<IHttpResponseBodyFeature>(new LargeChunkFileBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>()));

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var end = count is { } length ? offset + length : RandomAccess.GetLength(file);
        await inner.StartAsync(cancellationToken);
        var writer = inner.Writer;
        while (offset < end)
        {
            var wanted = (int)Math.Min(ChunkSize, end - offset);
            var buffer = writer.GetMemory(wanted);
            // A blocking read: served from the page cache it is a copy, and from disk it blocks a pool thread exactly
            // as long as the thread-pool read of an asynchronous file stream would.
            var read = RandomAccess.Read(file, buffer.Span[..Math.Min(wanted, buffer.Length)], offset);
            if (read == 0)
            {
                throw new IOException($"{path} ended at byte {offset}, before the {end} bytes the response promised.");
            }

            writer.Advance(read);
            offset += read;
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }
}
