namespace StreamingApp.ServiceDefaults.Persistence;

/// <summary>Brings a database to the shape the code expects (migrations, indexes) before the service takes requests.</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

internal sealed class DatabaseInitializerService(IEnumerable<IDatabaseInitializer> initializers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
