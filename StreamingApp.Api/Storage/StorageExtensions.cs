using Amazon;
using Amazon.S3;
using StreamingApp.ServiceDefaults.Health;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers <see cref="IBlobStore"/>: a local folder by default, S3 when <c>Storage:Provider</c> is <c>s3</c>.
    /// S3 credentials come from the standard AWS chain (environment, profile, EKS Pod Identity), never from this file.
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.SectionName);
        builder.Services.AddOptions<StorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<StorageOptions>() ?? new StorageOptions();

        switch (options.Provider.ToLowerInvariant())
        {
            case "local":
                var root = Path.GetFullPath(options.LocalPath ?? Path.Combine(builder.GetDataDirectory(), "blobs"), builder.Environment.ContentRootPath);
                var local = new LocalBlobStore(root);
                builder.Services.AddSingleton(local);
                builder.Services.AddSingleton<IBlobStore>(local);
                builder.Services.AddProviderDescription("blob storage", "local folder", root);
                break;
            case "s3":
                builder.Services.AddSingleton<IAmazonS3>(_ => CreateS3Client(options.S3));
                builder.Services.AddSingleton(provider => new S3BlobStore(provider.GetRequiredService<IAmazonS3>(), options.S3));
                builder.Services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<S3BlobStore>());
                builder.Services.AddProviderDescription("blob storage", "Amazon S3", $"{options.S3.ServiceUrl ?? options.S3.Region ?? "default region"}/{options.S3.Bucket}");
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use 'local' or 's3'.");
        }

        builder.Services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>("blob-storage");
        return builder;
    }

    public static AmazonS3Client CreateS3Client(S3StorageOptions options)
    {
        var config = new AmazonS3Config();
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }

        return new AmazonS3Client(config);
    }
}

internal sealed class BlobStorageHealthCheck(IBlobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Provider);
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"Blob storage ({store.Provider}) is not reachable.", exception);
        }
    }
}
