using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.SigningKeys;

namespace StreamingApp.Auth.Sessions;

/// <summary>Issues signed access tokens and names the issuer they and the discovery document carry.</summary>
public sealed class TokenIssuer(
    SigningKeyRing keys,
    IOptions<AuthOptions> options,
    IOptions<TokenAuthenticationOptions> tokenOptions,
    IServer server,
    TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary><c>Auth:Issuer</c>, or the first address this service listens on (a wildcard host read as localhost).</summary>
    public string Issuer => options.Value.Issuer is { Length: > 0 } configured
        ? configured.TrimEnd('/')
        : ListeningAddress();

    public TimeSpan AccessTokenLifetime => options.Value.AccessTokenLifetime;

    public async Task<string> IssueAccessTokenAsync(User user, string sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Token times are whole seconds; a token issued in the second of a revocation takes the next second, so that
        // validators that refuse tokens issued before TokensValidAfter accept it.
        var issuedAt = Truncate(now);
        if (user.TokensValidAfter is { } validAfter && validAfter > issuedAt)
        {
            issuedAt = validAfter;
        }

        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id,
            [JwtRegisteredClaimNames.Email] = user.Email,
            [JwtRegisteredClaimNames.Name] = user.DisplayName,
            ["role"] = user.Roles.ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [JwtRegisteredClaimNames.Sid] = sessionId,
        };

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = tokenOptions.Value.Audience,
            Claims = claims,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = Truncate(now).UtcDateTime,
            Expires = Truncate(now + AccessTokenLifetime).UtcDateTime,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        });
    }

    public static DateTimeOffset Truncate(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Auth:Issuer: this service does not know the address it listens on.");
        var uri = new UriBuilder(address);
        if (uri.Host is "+" or "*" or "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.ToString().TrimEnd('/');
    }
}
