using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Frontend.Authentication;

public static class FrontendAuthentication
{
    public const string CookieName = "streamingapp.session";
    public const string LoginPath = "/account/login";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string MetadataClientName = "auth-metadata";

    /// <summary>Auth through service discovery when <c>Auth:Authority</c> is not set.</summary>
    public const string DiscoveredAuthority = "https+http://auth";

    /// <summary>
    /// Cookie sessions whose encrypted ticket holds the user's access and refresh tokens. The ticket is protected by
    /// Data Protection with a key ring kept under the data folder, so sessions survive restarts.
    /// </summary>
    public static IHostApplicationBuilder AddFrontendAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName);
        services.AddOptions<TokenValidationSettings>().BindConfiguration(TokenValidationSettings.SectionName);
        var session = builder.Configuration.GetSection(SessionOptions.SectionName).Get<SessionOptions>() ?? new SessionOptions();
        var tokens = builder.Configuration.GetSection(TokenValidationSettings.SectionName).Get<TokenValidationSettings>() ?? new TokenValidationSettings();

        services.AddDataProtection()
            .SetApplicationName("StreamingApp.Frontend")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.GetDataDirectory(), "keys")));

        services.AddHttpClient(MetadataClientName);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider =>
        {
            var authority = (tokens.Authority is { Length: > 0 } configured ? configured : DiscoveredAuthority).TrimEnd('/');
            var retriever = new HttpDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClientName))
            {
                // Service discovery picks https when the peer offers it; a configured authority must use it unless local.
                RequireHttps = tokens.Authority is { Length: > 0 } && !new Uri(authority).IsLoopback,
            };
            return new ConfigurationManager<OpenIdConnectConfiguration>($"{authority}/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever)
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
                context.Response.Redirect($"{LoginPath}?returnUrl={returnUrl}&ended=1");
            }
        });
}
