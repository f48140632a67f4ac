using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using StreamingApp.Auth;

namespace StreamingApp.TestSupport;

/// <summary>
/// The real StreamingApp.Auth, in-process on Kestrel at 127.0.0.1 on a free port, with a throw-away data folder
/// (SQLite, generated keys, mail as <c>.eml</c> files) and a bootstrap admin. Other services' tests point
/// <c>Auth:Authority</c> at <see cref="Authority"/> and get real tokens from the helpers.
/// </summary>
public sealed partial class AuthServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@streamingapp.test";
    public const string AdminPassword = "bootstrap-admin-for-tests";
    public const string Password = "a-long-test-password-42";

    private readonly AuthServerFactory _factory;
    private readonly TemporaryDirectory _data;
    private (string Token, DateTime IssuedAt)? _adminToken;

    private AuthServer(AuthServerFactory factory, TemporaryDirectory data, string authority)
    {
        _factory = factory;
        _data = data;
        Authority = authority;
        Client = CreateClient();
    }

    /// <summary>Base URL of the running service, also its token issuer.</summary>
    public string Authority { get; }

    public string DataDirectory => _data.Path;

    public string PickupDirectory => Path.Combine(_data.Path, "mail");

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client without credentials, shared by the helpers.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Starts Auth. Tests get fast password hashing (1,000 PBKDF2 iterations) and rate limits too high to reach;
    /// <paramref name="settings"/> overrides any configuration key, <paramref name="configureServices"/> any service
    /// (for example a <c>FakeTimeProvider</c> as <see cref="TimeProvider"/>).
    /// </summary>
    public static async Task<AuthServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var data = new TemporaryDirectory("auth");
        var port = FreePort.Next();
        var authority = $"http://127.0.0.1:{port}";
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DataDirectory"] = data.Path,
            ["Auth:Issuer"] = authority,
            ["Auth:FrontendBaseUrl"] = "http://frontend.test",
            ["Auth:Passwords:IterationCount"] = "1000",
            ["Auth:BootstrapAdmin:Email"] = AdminEmail,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var policy in new[] { "Register", "Login", "ForgotPassword", "Totp" })
        {
            configuration[$"Auth:RateLimits:{policy}:PermitsPerIp"] = "100000";
            configuration[$"Auth:RateLimits:{policy}:PermitsPerAccount"] = "100000";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var factory = new AuthServerFactory(configuration, configureServices);
        try
        {
            factory.UseKestrel(port);
            factory.StartServer();
        }
        catch
        {
            await factory.DisposeAsync();
            data.Dispose();
            throw;
        }

        var server = new AuthServer(factory, data, authority);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Authority) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Registers a new account, verifies it through its email, gives it <paramref name="roles"/> (as admin) and signs in.</summary>
    public async Task<TestAccount> CreateAccountAsync(params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var id = await RegisterAndVerifyAsync(email);
        if (roles.Length > 0)
        {
            await SetRolesAsync(id, roles);
        }

        var tokens = await LoginAsync(email, Password);
        return new TestAccount(id, email, Password, tokens.AccessToken, tokens.RefreshToken);
    }

    /// <summary>The access token of a new, verified account with <paramref name="roles"/>.</summary>
    public async Task<string> CreateUserAndLoginAsync(params string[] roles) => (await CreateAccountAsync(roles)).AccessToken;

    /// <summary>Registers <paramref name="email"/> with <see cref="Password"/> and opens the link of its verification email; the account id.</summary>
    public async Task<string> RegisterAndVerifyAsync(string email, string displayName = "Test User")
    {
        using var response = await Client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName });
        await EnsureSuccessAsync(response);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var token = await WaitForLinkTokenAsync(email, "/account/verify-email");
        using var verified = await Client.PostAsJsonAsync("/api/auth/verify-email", new { token });
        await EnsureSuccessAsync(verified);
        return id;
    }

    public async Task<TokenPair> LoginAsync(string email, string password, string? totpCode = null)
    {
        using var response = await Client.PostAsJsonAsync("/api/auth/login", new { email, password, totpCode });
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<TokenPair>())!;
    }

    public async Task SetRolesAsync(string userId, params string[] roles)
    {
        using var admin = CreateClient(await AdminAccessTokenAsync());
        using var response = await admin.PutAsJsonAsync($"/api/auth/users/{userId}/roles", new { roles });
        await EnsureSuccessAsync(response);
    }

    public async Task DisableUserAsync(string userId)
    {
        using var admin = CreateClient(await AdminAccessTokenAsync());
        using var response = await admin.PostAsync($"/api/auth/users/{userId}/disable", null);
        await EnsureSuccessAsync(response);
    }

    public async Task EnableUserAsync(string userId)
    {
        using var admin = CreateClient(await AdminAccessTokenAsync());
        using var response = await admin.PostAsync($"/api/auth/users/{userId}/enable", null);
        await EnsureSuccessAsync(response);
    }

    /// <summary>An access token of the bootstrap admin, reused for a few minutes.</summary>
    public async Task<string> AdminAccessTokenAsync()
    {
        if (_adminToken is { } cached && DateTime.UtcNow - cached.IssuedAt < TimeSpan.FromMinutes(5))
        {
            return cached.Token;
        }

        var token = (await LoginAsync(AdminEmail, AdminPassword)).AccessToken;
        _adminToken = (token, DateTime.UtcNow);
        return token;
    }

    /// <summary>The mails sent to <paramref name="email"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string email)
    {
        if (!Directory.Exists(PickupDirectory))
        {
            return [];
        }

        return new DirectoryInfo(PickupDirectory).GetFiles("*.eml")
            .OrderBy(file => file.LastWriteTimeUtc).ThenBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => MimeMessage.Load(file.FullName))
            .Where(message => message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>
    /// Waits for mail number <paramref name="index"/> (from 0) to <paramref name="email"/> that links to
    /// <paramref name="linkPath"/> (<c>/account/verify-email</c>, <c>/account/reset-password</c>) and returns its token.
    /// </summary>
    public async Task<string> WaitForLinkTokenAsync(string email, string linkPath, int index = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var tokens = MailsTo(email)
                .Select(message => Regex.Match(message.TextBody ?? string.Empty, Regex.Escape(linkPath) + @"\?token=([^\s]+)"))
                .Where(match => match.Success)
                .Select(match => Uri.UnescapeDataString(match.Groups[1].Value))
                .ToList();
            if (tokens.Count > index)
            {
                return tokens[index];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail #{index} with a {linkPath} link reached {email} in {PickupDirectory}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var response = await Client.GetAsync("/health");
        await EnsureSuccessAsync(response);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed class AuthServerFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
        : WebApplicationFactory<AuthAssembly>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (configureServices is not null)
            {
                builder.ConfigureTestServices(configureServices);
            }
        }
    }
}

public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

/// <summary>A verified account created by <see cref="AuthServer.CreateAccountAsync"/>, signed in once.</summary>
public sealed record TestAccount(string Id, string Email, string Password, string AccessToken, string RefreshToken);
