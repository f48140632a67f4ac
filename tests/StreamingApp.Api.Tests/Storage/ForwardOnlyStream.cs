namespace StreamingApp.Api.Tests.Storage;

/// <summary>A readable, non-seekable stream of known bytes that can fail part-way, like a dropped upload.</summary>
internal sealed class ForwardOnlyStream(byte[] content, int failAfter = int.MaxValue) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter)
        {
            throw new IOException("The client went away.");
        }

        // Short reads, as a network stream gives.
        var read = Math.Min(Math.Min(count, 64 * 1024), Math.Min(content.Length, failAfter) - _position);
        Array.Copy(content, _position, buffer, offset, read);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
