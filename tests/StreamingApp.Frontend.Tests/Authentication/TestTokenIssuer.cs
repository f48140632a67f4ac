using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.Frontend.Authentication;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Frontend.Tests.Authentication;

/// <summary>Issues access tokens the way Auth does (ES256, issuer, audience, role claims) and publishes its key.</summary>
internal sealed class TestTokenIssuer
{
    public const string Issuer = "http://auth.test";

    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "test-key" };

    public AccessTokenValidator Validator() => new(ConfigurationManager(), Options.Create(new TokenAuthenticationOptions()));

    /// <summary>What Auth's discovery document and JWKS say: the issuer and its public key.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration> ConfigurationManager()
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(_key);
        return new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public string Token(string subject, IEnumerable<string> roles, string audience = "streamingapp-api", SecurityKey? key = null, string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["email"] = $"{subject}@example.com",
            ["name"] = $"User {subject}",
            ["role"] = roles.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(15),
            SigningCredentials = new SigningCredentials(key ?? _key, algorithm),
        });
    }
}
