using Amazon.S3;
using Amazon.Runtime;

namespace StreamingApp.TestSupport;

/// <summary>
/// moto_server speaking the S3 protocol on a free loopback port. It is a server for the protocol, not AWS: it
/// does not check presigned signatures or expiry, so those are tested elsewhere.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";

    private ServerProcess? _server;

    public string ServiceUrl => $"http://127.0.0.1:{_server?.Port ?? throw new InvalidOperationException("moto_server has not started.")}";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        _server = await ServerProcess.StartAsync("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], port, TimeSpan.FromSeconds(60));
    }

    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = Region,
    });

    /// <summary>A new, empty bucket with a unique name, so tests never see each other's objects.</summary>
    public async Task<string> CreateBucketAsync()
    {
        var bucket = $"test-{Guid.NewGuid():N}";
        using var client = CreateClient();
        await client.PutBucketAsync(bucket);
        return bucket;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
