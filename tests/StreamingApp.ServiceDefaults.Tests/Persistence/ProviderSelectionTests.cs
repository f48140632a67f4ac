using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Persistence.Sqlite;

namespace StreamingApp.ServiceDefaults.Tests.Persistence;

public sealed class ProviderSelectionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("providers");

    [Fact]
    public void Without_a_mongodb_connection_string_the_service_gets_its_own_sqlite_file_in_the_data_folder()
    {
        var builder = NewBuilder(("DataDirectory", _directory.Path));

        var provider = builder.AddServiceDatabase("catalog", sqlite => { }, mongo => throw new InvalidOperationException("MongoDB was chosen."));

        Assert.Equal(DatabaseProvider.Sqlite, provider);
        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(_directory.Combine("catalog.db"), services.GetRequiredService<SqliteDatabase>().Path);
    }

    [Fact]
    public void An_explicit_sqlite_path_wins()
    {
        var builder = NewBuilder((PersistenceExtensions.SqlitePathKey, _directory.Combine("elsewhere", "x.db")));

        builder.AddServiceDatabase("catalog", sqlite => Assert.Equal(_directory.Combine("elsewhere", "x.db"), sqlite.Database.Path), mongo => { });
    }

    [Fact]
    public void A_mongodb_connection_string_selects_mongodb_with_a_database_per_service()
    {
        var builder = NewBuilder(("ConnectionStrings:mongodb", "mongodb://db.internal:27017/?authSource=admin"));

        var provider = builder.AddServiceDatabase("catalog", sqlite => throw new InvalidOperationException("SQLite was chosen."), mongo => { });

        Assert.Equal(DatabaseProvider.MongoDb, provider);
        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal("streamingapp-catalog", services.GetRequiredService<MongoDB.Driver.IMongoDatabase>().DatabaseNamespace.DatabaseName);
    }

    [Fact]
    public void A_malformed_mongodb_connection_string_fails_at_start_without_echoing_it()
    {
        var builder = NewBuilder(("ConnectionStrings:mongodb", "mongodb://user:s3cret@:not-a-port"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDatabase("catalog", sqlite => { }, mongo => { }));

        Assert.Contains("ConnectionStrings:mongodb", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    private HostApplicationBuilder NewBuilder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory.Path, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)));
        return builder;
    }

    public void Dispose() => _directory.Dispose();
}
