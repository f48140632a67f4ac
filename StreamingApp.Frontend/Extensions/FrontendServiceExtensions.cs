using Microsoft.AspNetCore.Diagnostics;
using StreamingApp.Frontend.Authentication;
using StreamingApp.Frontend.Components;
using StreamingApp.Frontend.Proxy;
using StreamingApp.Frontend.Security;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Extensions;

public static class FrontendServiceExtensions
{
    /// <summary>Logical name of the Api; Aspire (or an operator) maps it to an address through <c>services__api__http__0</c>.</summary>
    public const string ApiBaseAddress = "https+http://api";

    /// <summary>Logical name of Auth (<c>services__auth__http__0</c>).</summary>
    public const string AuthBaseAddress = "https+http://auth";

    public static IHostApplicationBuilder AddFrontendServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.AddFrontendAuthentication();
        builder.Services.AddOptions<ContentSecurityPolicyOptions>().BindConfiguration(ContentSecurityPolicyOptions.SectionName);

        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<UserAccessTokenHandler>();
        builder.Services.AddHttpClient<StudioClient>(client => client.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<UserAccessTokenHandler>();
        builder.Services.AddHttpClient<PartyClient>(client => client.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<UserAccessTokenHandler>();
        builder.Services.AddHttpClient<AuthClient>(client => client.BaseAddress = new Uri(AuthBaseAddress))
            .AddHttpMessageHandler<UserAccessTokenHandler>();

        builder.Services.AddApiProxy();
        return builder;
    }

    /// <summary>The web UI's middleware, after the service defaults: security policy, error pages, sessions, antiforgery.</summary>
    public static WebApplication UseFrontend(this WebApplication app)
    {
        app.UseContentSecurityPolicy();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Proxied Api and media routes answer status codes to scripts, not the not-found page.
            if (ApiProxy.IsProxiedPath(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseSessionEndedRedirect();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFrontend(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapApiProxy();
        app.MapRazorComponents<App>();
        return app;
    }
}
