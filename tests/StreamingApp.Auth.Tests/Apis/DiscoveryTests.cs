using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class DiscoveryTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task The_discovery_document_names_the_issuer_the_jwks_and_the_algorithm()
    {
        var document = await Auth.Client.GetFromJsonAsync("/.well-known/openid-configuration");

        Assert.Equal(Auth.Authority, document.GetProperty("issuer").GetString());
        Assert.Equal(["ES256"], document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(value => value.GetString()));
        Assert.Contains("role", document.GetProperty("claims_supported").EnumerateArray().Select(value => value.GetString()));
        var jwks = await Auth.Client.GetFromJsonAsync(document.GetProperty("jwks_uri").GetString()!);
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task Signing_keys_are_stored_encrypted()
    {
        var keys = await Auth.Services.GetRequiredService<StreamingApp.Auth.SigningKeys.ISigningKeyStore>().ListAsync(Cancellation);

        var key = Assert.Single(keys);
        Assert.StartsWith("v1.", key.ProtectedPrivateKey, StringComparison.Ordinal);
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.ProtectedPrivateKey[3..]), out _));
        var keyFile = new FileInfo(Path.Combine(Auth.DataDirectory, "keys", "key-encryption-key"));
        Assert.True(keyFile.Exists);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, keyFile.UnixFileMode);
    }
}

/// <summary>Key rotation on a fake clock: a successor is published ahead, signs from its activation, and the old key stays until its tokens expire.</summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    private readonly FakeTimeProvider _time = new(Start);
    private AuthServer? _auth;

    private AuthServer Auth => _auth!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _auth = await AuthServer.StartAsync(
        new Dictionary<string, string?> { ["Auth:SigningKeys:RotationInterval"] = "30.00:00:00", ["Auth:SigningKeys:PublishAhead"] = "1.00:00:00" },
        services => services.AddSingleton<TimeProvider>(_time));

    public async ValueTask DisposeAsync() => await Auth.DisposeAsync();

    [Fact]
    public async Task A_rotation_keeps_earlier_tokens_valid_until_they_expire()
    {
        var first = await SigningKeyIdAsync();
        Assert.Single(await PublishedKeysAsync());

        Advance(TimeSpan.FromDays(29) + TimeSpan.FromMinutes(1));
        var published = await PublishedKeysAsync();
        Assert.Equal(2, published.Count);
        Assert.Equal(first, await SigningKeyIdAsync());

        Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(2));
        var beforeSwitch = (await Auth.LoginAsync(AuthServer.AdminEmail, AuthServer.AdminPassword)).AccessToken;
        Assert.Equal(first, new JsonWebToken(beforeSwitch).Kid);

        Advance(TimeSpan.FromMinutes(2));
        var second = await SigningKeyIdAsync();
        Assert.NotEqual(first, second);
        Assert.Contains(second, published.Select(key => key.KeyId));
        Assert.True(await IsValidAsync(beforeSwitch));

        Advance(TimeSpan.FromMinutes(16));
        Assert.Equal([second], (await PublishedKeysAsync()).Select(key => key.KeyId));
        Assert.False(await IsValidAsync(beforeSwitch, ignoreLifetime: true));
    }

    private void Advance(TimeSpan by) => _time.Advance(by);

    private async Task<string> SigningKeyIdAsync() =>
        new JsonWebToken((await Auth.LoginAsync(AuthServer.AdminEmail, AuthServer.AdminPassword)).AccessToken).Kid;

    private async Task<IList<SecurityKey>> PublishedKeysAsync()
    {
        using var response = await Auth.Client.GetAsync("/.well-known/jwks.json", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync(Cancellation)).GetSigningKeys();
    }

    private async Task<bool> IsValidAsync(string token, bool ignoreLifetime = false)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Auth.Authority,
            ValidAudience = TokenAuthenticationOptions.DefaultAudience,
            IssuerSigningKeys = await PublishedKeysAsync(),
            ValidateLifetime = !ignoreLifetime,
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _time.GetUtcNow().UtcDateTime && _time.GetUtcNow().UtcDateTime < expires,
        });
        return result.IsValid;
    }
}

internal static class JsonClientExtensions
{
    public static async Task<JsonElement> GetFromJsonAsync(this HttpClient client, string uri) =>
        await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JsonElement>(client, uri, TestContext.Current.CancellationToken);
}
