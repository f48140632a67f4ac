using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using StreamingApp.ServiceDefaults.Health;

namespace StreamingApp.ServiceDefaults.Persistence.MongoDb;

public sealed class MongoRegistration
{
    private MongoRegistration(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    internal static MongoRegistration Register(IServiceCollection services, string connectionString, string databaseName)
    {
        MongoConventions.Register();
        var url = ParseUrl(connectionString);
        var settings = MongoClientSettings.FromUrl(url);
        settings.ApplicationName ??= databaseName;

        services.AddSingleton<IMongoClient>(_ => new MongoClient(settings));
        services.AddSingleton(provider => provider.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        services.AddHealthChecks().AddCheck<MongoHealthCheck>("database");
        // Hosts and database only: the connection string may hold credentials.
        services.AddProviderDescription("database", "MongoDB", $"{string.Join(',', url.Servers)}/{databaseName}");
        return new MongoRegistration(services);
    }

    /// <summary>Registers a store as <typeparamref name="TService"/> and runs its index set-up at start-up.</summary>
    public MongoRegistration AddStore<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService, IDatabaseInitializer
    {
        Services.AddSingleton<TImplementation>();
        Services.AddSingleton<TService>(provider => provider.GetRequiredService<TImplementation>());
        Services.AddSingleton<IDatabaseInitializer>(provider => provider.GetRequiredService<TImplementation>());
        return this;
    }

    private static MongoUrl ParseUrl(string connectionString)
    {
        try
        {
            return MongoUrl.Create(connectionString);
        }
        catch (Exception exception) when (exception is MongoConfigurationException or ArgumentException or FormatException)
        {
            // Never echo the value: it may contain a password.
            throw new InvalidOperationException(
                $"ConnectionStrings:{PersistenceExtensions.MongoConnectionStringName} is not a valid MongoDB connection string " +
                $"(expected mongodb://host:port or mongodb+srv://...): {exception.Message}", exception);
        }
    }
}

/// <summary>
/// Mapping rules shared by every StreamingApp document: camelCase fields, enums as strings, unknown fields
/// ignored (so old code reads new documents during a rolling update) and dates as BSON dates.
/// </summary>
public static class MongoConventions
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreExtraElementsConvention(true),
            new EnumRepresentationConvention(BsonType.String),
        };
        ConventionRegistry.Register("StreamingApp", pack, type => type.Namespace?.StartsWith("StreamingApp", StringComparison.Ordinal) == true);
        BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.DateTime));
        BsonSerializer.TryRegisterSerializer(new NullableSerializer<DateTimeOffset>(new DateTimeOffsetSerializer(BsonType.DateTime)));
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
    }
}

internal sealed class MongoHealthCheck(IMongoDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("MongoDB");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("MongoDB does not answer.", exception);
        }
    }
}
