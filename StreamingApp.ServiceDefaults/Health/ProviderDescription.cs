namespace StreamingApp.ServiceDefaults.Health;

/// <summary>
/// Which implementation backs a component (database, blob storage, mail...), so operators can see at a glance,
/// in the start-up log shown on the Aspire dashboard, whether a service runs embedded or against cloud services.
/// </summary>
public sealed record ProviderDescription(string Component, string Provider, string Location);

internal sealed class ProviderDescriptionLogger(IEnumerable<ProviderDescription> descriptions, ILogger<ProviderDescriptionLogger> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var description in descriptions)
        {
            logger.LogInformation("Using {Provider} for {Component} ({Location})", description.Provider, description.Component, description.Location);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class ProviderDescriptionExtensions
{
    public static IServiceCollection AddProviderDescription(this IServiceCollection services, string component, string provider, string location)
    {
        services.AddSingleton(new ProviderDescription(component, provider, location));
        if (!services.Any(descriptor => descriptor.ImplementationType == typeof(ProviderDescriptionLogger)))
        {
            services.AddHostedService<ProviderDescriptionLogger>();
        }

        return services;
    }
}
