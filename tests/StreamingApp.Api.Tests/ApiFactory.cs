using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Tests;

/// <summary>
/// The Api in-process with its embedded providers (SQLite file, local blob folder) in a throw-away data folder,
/// trusting tokens from a real Auth service started beside it. Extra settings choose S3, regions or limits.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("api");
    private readonly bool _ownsAuth;
    private AuthServer? _auth;

    public ApiFactory()
        : this(null)
    {
    }

    /// <param name="sharedAuth">An Auth already running (several Api instances trusting one Auth); <c>null</c> starts one for this Api.</param>
    protected ApiFactory(AuthServer? sharedAuth)
    {
        _auth = sharedAuth;
        _ownsAuth = sharedAuth is null;
    }

    public string DataDirectory => _data.Path;

    public AuthServer Auth => _auth ?? throw new InvalidOperationException("Auth has not started.");

    public string BlobDirectory => Path.Combine(_data.Path, "blobs");

    /// <summary>The address every request appears to come from (the Api sees no real network in-process).</summary>
    public IPAddress RemoteAddress { get; set; } = IPAddress.Parse("198.51.100.10");

    public virtual async ValueTask InitializeAsync() => _auth ??= await AuthServer.StartAsync();

    /// <summary>Settings on top of the defaults, for derived factories.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", _data.Path);
        builder.UseSetting("Auth:Authority", Auth.Authority);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(() => RemoteAddress)));
    }

    /// <summary>A client calling as a new account with <paramref name="roles"/>; its id is returned too.</summary>
    public async Task<(HttpClient Client, string UserId)> ClientForNewAccountAsync(params string[] roles)
    {
        var account = await Auth.CreateAccountAsync(roles);
        return (ClientWithToken(account.AccessToken), account.Id);
    }

    public async Task<HttpClient> AdminClientAsync() => ClientWithToken(await Auth.AdminAccessTokenAsync());

    public Task<(HttpClient Client, string UserId)> CreatorAsync() => ClientForNewAccountAsync(AppRoles.Creator);

    private HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsAuth && _auth is not null)
        {
            await _auth.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Gives in-process requests a client address, as a real connection would have.</summary>
    private sealed class RemoteAddressFilter(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
