using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamingApp.Auth.Tests.Apis;

/// <summary>One real Auth service on Kestrel per test class.</summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    private AuthServer? _server;

    public AuthServer Server => _server ?? throw new InvalidOperationException("Auth has not started.");

    public async ValueTask InitializeAsync() => _server = await AuthServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Helpers for end-to-end tests over HTTP.</summary>
public abstract class AuthApiTest(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    protected AuthServer Auth => fixture.Server;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    protected Task<HttpResponseMessage> PostAsync(string path, object? body, string? accessToken = null) =>
        PostAsync(Auth, path, body, accessToken);

    protected static async Task<HttpResponseMessage> PostAsync(AuthServer auth, string path, object? body, string? accessToken = null)
    {
        using var client = auth.CreateClient(accessToken);
        return await client.PostAsJsonAsync(path, body, Cancellation);
    }

    protected async Task<JsonElement> GetJsonAsync(string path, string accessToken)
    {
        using var client = Auth.CreateClient(accessToken);
        using var response = await client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    /// <summary>Asserts a ProblemDetails answer with this status and type.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        return problem;
    }

    protected static async Task<TokenPair> ReadTokensAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = (await response.Content.ReadFromJsonAsync<TokenPair>(Cancellation))!;
        Assert.Equal("Bearer", tokens.TokenType);
        return tokens;
    }
}
