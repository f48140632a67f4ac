using Microsoft.AspNetCore.Http;

namespace StreamingApp.Api.Tests.Storage;

public sealed class LargeChunkFileBodyTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("chunks");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, null)]
    [InlineData(12_345, 600_000L)]
    [InlineData(700_000, 1L)]
    [InlineData(700_001, 0L)]
    public async Task Sends_exactly_the_requested_part_of_the_file_across_chunks(long offset, long? count)
    {
        var content = new byte[700_001];
        new Random(7).NextBytes(content);
        var path = _folder.Combine("object.bin");
        await File.WriteAllBytesAsync(path, content, Cancellation);
        using var sent = new MemoryStream();
        var body = new LargeChunkFileBody(new StreamResponseBodyFeature(sent));

        await body.SendFileAsync(path, offset, count, Cancellation);
        await body.CompleteAsync();

        Assert.Equal(content.AsSpan((int)offset, (int)(count ?? content.Length - offset)).ToArray(), sent.ToArray());
    }

    public void Dispose() => _folder.Dispose();
}
