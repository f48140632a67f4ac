using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.Auth.SigningKeys;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.ServiceDefaults.Tests.Authentication;

/// <summary>
/// A minimal service using <c>AddTokenAuthentication</c> against the real Auth service: discovery, JWKS, the checks on
/// every token, the role policies and the revocation feed, all over HTTP on 127.0.0.1.
/// </summary>
public sealed class TokenAuthenticationTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(10);

    private AuthServer? _auth;
    private WebApplication? _service;
    private HttpClient? _client;
    private TestAccount? _viewer;

    private AuthServer Auth => _auth!;

    private TestAccount Viewer => _viewer!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _auth = await AuthServer.StartAsync();
        _viewer = await Auth.CreateAccountAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = Auth.Authority,
            ["Auth:Revocations:PollInterval"] = "00:00:01",
            ["Auth:Revocations:MaxStaleness"] = MaxStaleness.ToString(),
        });
        builder.AddServiceDefaults();
        builder.AddTokenAuthentication();

        _service = builder.Build();
        _service.UseServiceDefaults();
        _service.MapDefaultEndpoints();
        _service.MapGet("/whoami", (ClaimsPrincipal user) => new
        {
            id = user.FindFirstValue(ClaimTypes.NameIdentifier),
            name = user.Identity?.Name,
            isCreator = user.IsInRole(AppRoles.Creator),
        }).RequireAuthorization();
        _service.MapGet("/uploads", () => "creator").RequireAuthorization(Policies.Creator);
        _service.MapGet("/admin", () => "admin").RequireAuthorization(Policies.Admin);
        await _service.StartAsync(Cancellation);

        var address = _service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_auth is not null)
        {
            await _auth.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_valid_token_is_accepted_with_its_subject_name_and_roles()
    {
        var creator = await Auth.CreateAccountAsync(AppRoles.Viewer, AppRoles.Creator);

        using var response = await GetAsync("/whoami", creator.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(creator.Id, body.GetProperty("id").GetString());
        Assert.Equal("Test User", body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("isCreator").GetBoolean());
    }

    [Fact]
    public async Task The_creator_policy_admits_creators_and_admins_and_the_admin_policy_only_admins()
    {
        var creator = await Auth.CreateUserAndLoginAsync(AppRoles.Viewer, AppRoles.Creator);
        var admin = await Auth.AdminAccessTokenAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/uploads", Viewer.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/uploads", creator));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/uploads", admin));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/admin", creator));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/admin", admin));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/uploads", null));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var token = new JsonWebTokenHandler().CreateToken(Descriptor(signingCredentials: null));

        Assert.Equal("none", new JsonWebToken(token).Alg);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", token));
    }

    [Fact]
    public async Task A_token_signed_with_a_foreign_key_under_a_known_key_id_is_refused()
    {
        var real = await SigningCredentialsAsync();
        var foreign = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = real.Key.KeyId };

        var token = new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(foreign, SecurityAlgorithms.EcdsaSha256)));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", token));
    }

    [Fact]
    public async Task A_token_signed_with_a_shared_secret_is_refused()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

        var token = new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", token));
    }

    [Fact]
    public async Task Expired_tokens_and_tokens_for_another_audience_are_refused()
    {
        var credentials = await SigningCredentialsAsync();
        var now = DateTime.UtcNow;
        var expired = Descriptor(credentials);
        expired.IssuedAt = expired.NotBefore = now.AddMinutes(-20);
        expired.Expires = now.AddMinutes(-2);
        var otherAudience = Descriptor(credentials);
        otherAudience.Audience = "another-api";
        var otherIssuer = Descriptor(credentials);
        otherIssuer.Issuer = "https://issuer.example";

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whoami", new JsonWebTokenHandler().CreateToken(Descriptor(credentials))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", new JsonWebTokenHandler().CreateToken(expired)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", new JsonWebTokenHandler().CreateToken(otherAudience)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", new JsonWebTokenHandler().CreateToken(otherIssuer)));
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var parts = Viewer.AccessToken.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["role"] = new JsonArray("viewer", "admin");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whoami", Viewer.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/admin", tampered));
    }

    [Fact]
    public async Task A_disabled_accounts_unexpired_token_is_refused_within_the_bounded_staleness()
    {
        var account = await Auth.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whoami", account.AccessToken));

        await Auth.DisableUserAsync(account.Id);
        var elapsed = await TimeUntilRefusedAsync(account.AccessToken);

        Assert.True(elapsed < MaxStaleness, $"Still accepted after {elapsed}.");
    }

    [Fact]
    public async Task Signing_out_everywhere_reaches_the_service_too_and_a_new_sign_in_works()
    {
        var account = await Auth.CreateAccountAsync();
        using var client = Auth.CreateClient(account.AccessToken);

        (await client.PostAsync("/api/auth/logout-all", null, Cancellation)).Dispose();
        await TimeUntilRefusedAsync(account.AccessToken);
        var fresh = await Auth.LoginAsync(account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/whoami", fresh.AccessToken));
    }

    [Fact]
    public async Task The_health_check_reports_a_current_revocation_feed()
    {
        var deadline = DateTime.UtcNow + MaxStaleness;
        JsonElement check;
        do
        {
            var health = await _client!.GetFromJsonAsync<JsonElement>("/health", Cancellation);
            check = health.GetProperty("checks").GetProperty("token-revocations");
        }
        while (!check.GetProperty("data").TryGetProperty("lastSyncedAt", out _) && DateTime.UtcNow < deadline);

        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    private async Task<TimeSpan> TimeUntilRefusedAsync(string token)
    {
        var watch = Stopwatch.StartNew();
        while (await StatusAsync("/whoami", token) == HttpStatusCode.OK)
        {
            Assert.True(watch.Elapsed < MaxStaleness + TimeSpan.FromSeconds(5), "The revoked token is still accepted.");
            await Task.Delay(100, Cancellation);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/whoami", token));
        return watch.Elapsed;
    }

    private Task<SigningCredentials> SigningCredentialsAsync() =>
        Auth.Services.GetRequiredService<SigningKeyRing>().GetSigningCredentialsAsync(Cancellation);

    private SecurityTokenDescriptor Descriptor(SigningCredentials? signingCredentials)
    {
        var now = DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = Auth.Authority,
            Audience = TokenAuthenticationOptions.DefaultAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = Viewer.Id, ["role"] = new[] { AppRoles.Viewer } },
            SigningCredentials = signingCredentials,
        };
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client!.SendAsync(request, Cancellation);
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string? token)
    {
        using var response = await GetAsync(path, token);
        return response.StatusCode;
    }
}
