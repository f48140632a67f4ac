using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StreamingApp.ServiceDefaults.Authentication;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Frontend.Authentication;

public static class FrontendAuthentication
{
    public const string CookieName = "streamingapp.session";
    public const string LoginPath = "/account/login";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string MetadataClientName = "auth-metadata";

    /// <summary>
    /// Cookie sessions whose encrypted ticket holds the user's access and refresh tokens. The ticket is protected by
    /// Data Protection with a key ring kept under the data folder, so sessions survive restarts.
    /// </summary>
    public static IHostApplicationBuilder AddFrontendAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName);
        services.AddOptions<TokenAuthenticationOptions>().BindConfiguration(TokenAuthenticationOptions.SectionName);
        var session = builder.Configuration.GetSection(SessionOptions.SectionName).Get<SessionOptions>() ?? new SessionOptions();
        var tokens = builder.Configuration.GetSection(TokenAuthenticationOptions.SectionName).Get<TokenAuthenticationOptions>() ?? new TokenAuthenticationOptions();
        var authority = TokenAuthority.Resolve(builder.Configuration, tokens)
            ?? throw new InvalidOperationException("No token authority: set Auth:Authority, or reference the auth service (services:auth:http:0).");

        services.AddDataProtection()
            .SetApplicationName("StreamingApp.Frontend")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.GetDataDirectory(), "keys")));

        services.AddHttpClient(MetadataClientName);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider =>
        {
            var retriever = new HttpDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClientName))
            {
                RequireHttps = tokens.RequireHttpsMetadata ?? !authority.IsLoopback,
            };
            var metadataAddress = $"{authority.Uri.ToString().TrimEnd('/')}/.well-known/openid-configuration";
            return new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(1),
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
        });

        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<TokenRefresher>();
        services.AddSingleton<SessionCookieEvents>();
        services.AddScoped<AccountSessions>();
        services.AddTransient<UserAccessTokenHandler>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = LoginPath;
                options.AccessDeniedPath = "/account/access-denied";
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = session.CookieLifetime;
                options.SlidingExpiration = true;
                options.EventsType = typeof(SessionCookieEvents);
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeader);
        return builder;
    }

    /// <summary>A call to the Api or Auth found the session revoked: end it here too and ask the user to sign in again.</summary>
    public static IApplicationBuilder UseSessionEndedRedirect(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SessionEndedException) when (!context.Response.HasStarted)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                var returnUrl = Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
                context.Response.Redirect($"{LoginPath}?returnUrl={returnUrl}&ended=true");
            }
        });
}
