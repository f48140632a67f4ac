using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using StreamingApp.ServiceDefaults.Health;

namespace StreamingApp.Api.Parties;

/// <summary>
/// Scale-out of the party hub: with <c>ConnectionStrings:redis</c> set, SignalR's Redis backplane carries group
/// messages between Api instances, so members connected to different instances hear each other. Without it, this
/// instance serves parties alone (fine for one replica).
/// </summary>
public static class PartyBackplane
{
    public const string ConnectionStringName = "redis";

    public static ISignalRServerBuilder AddPartyBackplane(this ISignalRServerBuilder signalR, IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddProviderDescription("party messages", "this instance only", "ConnectionStrings:redis is not set");
            return signalR;
        }

        var configuration = Parse(connectionString);
        // Start even while Redis is away: the health check reports it, and the multiplexer keeps reconnecting.
        configuration.AbortOnConnectFail = false;
        var prefix = builder.Configuration.GetSection(PartyOptions.SectionName).Get<PartyOptions>()?.RedisChannelPrefix ?? new PartyOptions().RedisChannelPrefix;
        var redis = new RedisConnection(configuration);
        builder.Services.AddSingleton(redis);
        signalR.AddStackExchangeRedis(options =>
        {
            options.Configuration = configuration;
            options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
            options.ConnectionFactory = redis.ConnectAsync;
        });
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(ConnectionStringName);
        // Endpoints only: the connection string may hold a password.
        builder.Services.AddProviderDescription("party messages", "Redis backplane", $"{string.Join(',', configuration.EndPoints)} (channels {prefix}*)");
        return signalR;
    }

    private static ConfigurationOptions Parse(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            // Never echo the value: it may contain a password.
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not a valid Redis connection string (host:port[,option=value...]): {exception.Message}", exception);
        }
    }
}

/// <summary>The one Redis connection of the process, shared by the backplane and the health check.</summary>
public sealed class RedisConnection(ConfigurationOptions configuration) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;

    /// <param name="log">Where the first connection attempt writes its progress (the backplane passes its logger).</param>
    public async Task<IConnectionMultiplexer> ConnectAsync(TextWriter? log = null)
    {
        lock (_gate)
        {
            _connecting ??= ConnectionMultiplexer.ConnectAsync(configuration, log);
        }

        return await _connecting;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connecting is { } connecting)
        {
            await (await connecting).DisposeAsync();
        }
    }
}

internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.ConnectAsync()).GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: party members on other instances miss this instance's messages.", exception);
        }
    }
}
