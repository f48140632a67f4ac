using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace StreamingApp.ServiceDefaults.Authentication;

public static class TokenAuthenticationExtensions
{
    /// <summary>Only signatures that need the issuer's private key: a shared secret or <c>none</c> never validates.</summary>
    public static readonly IReadOnlyList<string> AsymmetricAlgorithms =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    /// <summary>
    /// Bearer authentication with access tokens from an OpenID Connect provider (StreamingApp.Auth unless
    /// <c>Auth:Authority</c> names another), plus <see cref="Policies"/>. Keys come from the provider's discovery
    /// document and JWKS; tokens of disabled or signed-out accounts are refused through the revocation feed.
    /// </summary>
    /// <remarks>
    /// A service that issues the tokens itself registers an <see cref="IConfigurationManager{T}"/> of
    /// <see cref="OpenIdConnectConfiguration"/> and an <see cref="IAccessTokenRevocation"/> before calling this, so it
    /// neither fetches its own metadata over HTTP nor polls its own feed.
    /// </remarks>
    public static TBuilder AddTokenAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<TokenAuthenticationOptions>().BindConfiguration(TokenAuthenticationOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TokenAuthority.HttpClientName);

        var settings = builder.Configuration.GetSection(TokenAuthenticationOptions.SectionName).Get<TokenAuthenticationOptions>() ?? new();
        var issuesItsOwnTokens = services.Any(service => service.ServiceType == typeof(IConfigurationManager<OpenIdConnectConfiguration>));
        var authority = TokenAuthority.Resolve(builder.Configuration, settings);
        if (authority is null && !issuesItsOwnTokens)
        {
            throw new InvalidOperationException(
                "No token authority: set Auth:Authority to the OpenID Connect provider's URL, or reference the auth service (services:auth:http:0).");
        }

        if (authority is not null)
        {
            services.AddSingleton(authority);
        }

        if (settings.Revocations.Enabled && !services.Any(service => service.ServiceType == typeof(IAccessTokenRevocation)))
        {
            services.AddSingleton<RevocationList>();
            services.AddSingleton<IAccessTokenRevocation>(provider => provider.GetRequiredService<RevocationList>());
            services.AddHostedService<RevocationFeedPoller>();
            services.AddHealthChecks().AddCheck<RevocationFeedHealthCheck>("token-revocations");
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenAuthenticationOptions>, IServiceProvider>((options, tokenOptions, provider) =>
                Configure(options, tokenOptions.Value, provider));
        services.AddAuthorizationBuilder().AddStreamingAppPolicies();
        return builder;
    }

    private static void Configure(JwtBearerOptions options, TokenAuthenticationOptions settings, IServiceProvider provider)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = IsStandardAudience(settings),
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = AsymmetricAlgorithms,
            ClockSkew = settings.ClockSkew,
            NameClaimType = JwtRegisteredClaimNames.Name,
            RoleClaimType = settings.RoleClaim,
        };

        if (provider.GetService<IConfigurationManager<OpenIdConnectConfiguration>>() is { } local)
        {
            options.ConfigurationManager = local;
        }
        else
        {
            var authority = provider.GetRequiredService<TokenAuthority>();
            options.Authority = authority.Uri.ToString();
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? !authority.IsLoopback;
            options.Backchannel = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenAuthority.HttpClientName);
            // New signing keys are published a day before they sign; an hourly refresh picks them up in time,
            // and an unknown key id still triggers a refresh (at most every 30 s).
            options.AutomaticRefreshInterval = TimeSpan.FromHours(1);
            options.RefreshInterval = TimeSpan.FromSeconds(30);
        }

        options.Events = new JwtBearerEvents { OnTokenValidated = context => OnTokenValidatedAsync(context, settings) };
    }

    private static bool IsStandardAudience(TokenAuthenticationOptions settings) =>
        string.Equals(settings.AudienceClaim, JwtRegisteredClaimNames.Aud, StringComparison.Ordinal);

    private static async Task OnTokenValidatedAsync(TokenValidatedContext context, TokenAuthenticationOptions settings)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is not { Length: > 0 } subject)
        {
            context.Fail("The token names no subject.");
            return;
        }

        if (!IsStandardAudience(settings) && !identity.HasClaim(settings.AudienceClaim, settings.Audience))
        {
            context.Fail($"The token's {settings.AudienceClaim} is not {settings.Audience}.");
            return;
        }

        var revocation = context.HttpContext.RequestServices.GetService<IAccessTokenRevocation>();
        var issuedAt = context.SecurityToken is JsonWebToken token ? new DateTimeOffset(token.IssuedAt, TimeSpan.Zero) : DateTimeOffset.MinValue;
        if (revocation is not null && await revocation.IsRevokedAsync(subject, issuedAt, context.HttpContext.RequestAborted))
        {
            context.Fail("The token has been revoked.");
            return;
        }

        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
    }
}
