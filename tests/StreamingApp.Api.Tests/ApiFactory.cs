using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StreamingApp.Api.Tests;

/// <summary>The Api in-process with its embedded providers (SQLite file, local blob folder) in a throw-away data folder.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new("api");

    public string DataDirectory => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", _data.Path);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
