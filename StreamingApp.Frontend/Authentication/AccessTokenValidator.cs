using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// Checks an access token the way the Api will (signature against Auth's published keys, issuer, audience, lifetime)
/// before the web UI trusts its claims to build the signed-in user. The settings are the services' shared
/// <c>Auth</c> section (<see cref="TokenAuthenticationOptions"/>).
/// </summary>
public sealed class AccessTokenValidator(IConfigurationManager<OpenIdConnectConfiguration> metadata, IOptions<TokenAuthenticationOptions> options)
{
    public const string AuthenticationType = "StreamingApp";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    /// <summary>The claims the web UI keeps about who the user is; roles come from the configured role claim.</summary>
    private static readonly HashSet<string> KeptClaims = [JwtRegisteredClaimNames.Sub, JwtRegisteredClaimNames.Email, NameClaim];

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

        var settings = options.Value;
        if (!IsStandardAudience(settings) && !result.ClaimsIdentity.HasClaim(settings.AudienceClaim, settings.Audience))
        {
            throw new SecurityTokenInvalidAudienceException($"The token's {settings.AudienceClaim} is not {settings.Audience}.");
        }

        var claims = result.ClaimsIdentity.Claims
            .Where(claim => KeptClaims.Contains(claim.Type) || claim.Type == settings.RoleClaim)
            .Select(claim => new Claim(claim.Type == settings.RoleClaim ? RoleClaim : claim.Type, claim.Value));
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
        var settings = options.Value;
        return await _handler.ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateAudience = IsStandardAudience(settings),
            ValidAudience = settings.Audience,
            ValidAlgorithms = TokenAuthenticationExtensions.AsymmetricAlgorithms,
            ClockSkew = settings.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            NameClaimType = NameClaim,
            RoleClaimType = RoleClaim,
        });
    }

    /// <summary>Providers such as Amazon Cognito name the client in another claim instead of <c>aud</c>.</summary>
    private static bool IsStandardAudience(TokenAuthenticationOptions settings) =>
        string.Equals(settings.AudienceClaim, JwtRegisteredClaimNames.Aud, StringComparison.Ordinal);
}
