using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StreamingApp.Auth.SigningKeys;

namespace StreamingApp.Auth.Sessions;

/// <summary>
/// Auth validates its own tokens (for <c>/me</c> and the admin endpoints) against the key ring in memory, through the
/// same bearer handler the other services use, instead of fetching its own discovery document over HTTP.
/// </summary>
public sealed class LocalOpenIdConfiguration(SigningKeyRing keys, TokenIssuer issuer) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer.Issuer };
        foreach (var key in await keys.GetPublishedKeysAsync(cancel))
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    public void RequestRefresh() => keys.RequestReload();
}
