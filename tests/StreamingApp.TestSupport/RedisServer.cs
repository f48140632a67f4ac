using System.Globalization;

namespace StreamingApp.TestSupport;

/// <summary>A throw-away redis-server on a free loopback port, without persistence, stopped by PID.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private ServerProcess? _server;

    public string ConnectionString => $"127.0.0.1:{_server?.Port ?? throw new InvalidOperationException("redis-server has not started.")}";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        _server = await ServerProcess.StartAsync(
            "redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            port, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
