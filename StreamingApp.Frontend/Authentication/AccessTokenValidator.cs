using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// Checks an access token the way the Api will (signature against Auth's published keys, issuer, audience, lifetime)
/// before the web UI trusts its claims to build the signed-in user.
/// </summary>
public sealed class AccessTokenValidator(IConfigurationManager<OpenIdConnectConfiguration> metadata, IOptions<TokenValidationSettings> settings)
{
    public const string AuthenticationType = "StreamingApp";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    /// <summary>Only signatures that need the issuer's private key: a shared secret or <c>none</c> never validates.</summary>
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    /// <summary>The claims the web UI keeps: who the user is and which roles they have.</summary>
    private static readonly HashSet<string> KeptClaims = [JwtRegisteredClaimNames.Sub, JwtRegisteredClaimNames.Email, NameClaim, RoleClaim];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The user the token describes; throws <see cref="SecurityTokenException"/> when it is not valid.</summary>
    public async Task<ClaimsPrincipal> ValidateAsync(string accessToken, CancellationToken cancellationToken)
    {
        var result = await ValidateOnceAsync(accessToken, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Auth rotated its keys since the metadata was read.
            metadata.RequestRefresh();
            result = await ValidateOnceAsync(accessToken, cancellationToken);
        }

        if (!result.IsValid)
        {
            throw result.Exception as SecurityTokenException ?? new SecurityTokenException("The access token is not valid.", result.Exception);
        }

        var claims = result.ClaimsIdentity.Claims.Where(claim => KeptClaims.Contains(claim.Type)).Select(claim => new Claim(claim.Type, claim.Value));
        var identity = new ClaimsIdentity(claims, AuthenticationType, NameClaim, RoleClaim);
        if (identity.FindFirst(JwtRegisteredClaimNames.Sub) is not { Value.Length: > 0 } subject)
        {
            throw new SecurityTokenException("The access token names no subject.");
        }

        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
        return new ClaimsPrincipal(identity);
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string accessToken, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return await _handler.ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAudience = settings.Value.Audience,
            ValidAlgorithms = AsymmetricAlgorithms,
            ClockSkew = settings.Value.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            NameClaimType = NameClaim,
            RoleClaimType = RoleClaim,
        });
    }
}
