namespace StreamingApp.AppHost.Resources;

/// <summary>How the services are wired to the database and storage this machine can offer.</summary>
public static class ServiceResourceExtensions
{
    public const string MongoConnectionName = "mongodb";
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// MongoDB when a connection string is configured or a container runtime answers; otherwise <c>null</c>,
    /// and every service falls back to its own SQLite file.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString>? AddStreamingAppDatabase(this IDistributedApplicationBuilder builder, out bool isContainer)
    {
        isContainer = false;
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(MongoConnectionName)))
        {
            return builder.AddConnectionString(MongoConnectionName);
        }

        if (builder.ExecutionContext.IsRunMode && !ContainerRuntime.IsAvailable(builder.Configuration))
        {
            return null;
        }

        isContainer = true;
        var server = builder.AddMongoDBServer(MongoConnectionName);
        return builder.CreateResourceBuilder<IResourceWithConnectionString>(server.Resource);
    }

    /// <summary>
    /// Redis for the party hub's backplane when a connection string is configured or a container runtime answers;
    /// otherwise <c>null</c>, and the Api serves parties from its one instance without it.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString>? AddPartyBackplane(this IDistributedApplicationBuilder builder, out bool isContainer)
    {
        isContainer = false;
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName)))
        {
            return builder.AddConnectionString(RedisConnectionName);
        }

        if (builder.ExecutionContext.IsRunMode && !ContainerRuntime.IsAvailable(builder.Configuration))
        {
            return null;
        }

        isContainer = true;
        var redis = builder.AddRedis(RedisConnectionName);
        return builder.CreateResourceBuilder<IResourceWithConnectionString>(redis.Resource);
    }

    /// <summary>References the backplane from the Api; only a container is waited for, an external server is the operator's to run.</summary>
    public static IResourceBuilder<ProjectResource> WithPartyBackplane(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString>? redis, bool waitForRedis)
    {
        if (redis is not null)
        {
            service.WithReference(redis, RedisConnectionName);
            if (waitForRedis)
            {
                service.WaitFor(redis);
            }
        }

        return service;
    }

    /// <summary>
    /// Gives a service its data folder (<c>{dataDirectory}/{service}</c>, for SQLite, blobs and mail) and, when one exists,
    /// the MongoDB connection. Only a container is waited for: an external server is the operator's to run.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceData(
        this IResourceBuilder<ProjectResource> service,
        string dataDirectory,
        IResourceBuilder<IResourceWithConnectionString>? database,
        bool waitForDatabase)
    {
        service.WithEnvironment("DataDirectory", Path.Combine(dataDirectory, service.Resource.Name));
        if (database is not null)
        {
            service.WithReference(database, MongoConnectionName);
            if (waitForDatabase)
            {
                service.WaitFor(database);
            }
        }

        return service;
    }

    /// <summary>Passes the AppHost's <c>Storage:*</c> settings on to a service, so S3 is chosen in one place.</summary>
    public static IResourceBuilder<ProjectResource> WithStorageSettings(this IResourceBuilder<ProjectResource> service, IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection("Storage").AsEnumerable(makePathsRelative: false))
        {
            if (value is not null)
            {
                service.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return service;
    }
}
