using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StreamingApp.Auth.Abuse;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.Audit.MongoDb;
using StreamingApp.Auth.Audit.Sqlite;
using StreamingApp.Auth.Email;
using StreamingApp.Auth.EmailTokens;
using StreamingApp.Auth.EmailTokens.MongoDb;
using StreamingApp.Auth.EmailTokens.Sqlite;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Passwords;
using StreamingApp.Auth.Security;
using StreamingApp.Auth.Sessions;
using StreamingApp.Auth.Sessions.MongoDb;
using StreamingApp.Auth.Sessions.Sqlite;
using StreamingApp.Auth.SigningKeys;
using StreamingApp.Auth.SigningKeys.MongoDb;
using StreamingApp.Auth.SigningKeys.Sqlite;
using StreamingApp.Auth.TwoFactor;
using StreamingApp.Auth.Users.MongoDb;
using StreamingApp.Auth.Users.Sqlite;
using StreamingApp.ServiceDefaults.Health;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Extensions;

public static class AuthServiceExtensions
{
    public const string ServiceName = "auth";

    /// <summary>Auth's endpoints take small JSON bodies; anything larger is refused before it is read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IHostApplicationBuilder AddAuthServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        builder.AddAccountPersistence();
        builder.AddKeyEncryption();
        builder.AddEmailDelivery();
        builder.AddAccountServices();
        builder.AddOwnTokenValidation();

        services.AddStableProblemTypes();
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddOpenApi();
        return builder;
    }

    /// <summary>Rate limiting, then authentication and authorization (routing has run, so endpoint policies are known).</summary>
    public static WebApplication UseAuthServices(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapAuthApi(this WebApplication app)
    {
        app.MapDiscoveryApi();
        app.MapAccountApi();
        app.MapProfileApi();
        app.MapTwoFactorApi();
        app.MapUsersApi();
        return app;
    }

    private static void AddAccountPersistence(this IHostApplicationBuilder builder) =>
        builder.AddServiceDatabase(
            ServiceName,
            sqlite =>
            {
                sqlite.AddMigrations(typeof(AuthServiceExtensions).Assembly, "StreamingApp.Auth.Migrations");
                sqlite.Services.AddSingleton<IUserStore, SqliteUserStore>();
                sqlite.Services.AddSingleton<IRefreshTokenStore, SqliteRefreshTokenStore>();
                sqlite.Services.AddSingleton<ISigningKeyStore, SqliteSigningKeyStore>();
                sqlite.Services.AddSingleton<IEmailTokenStore, SqliteEmailTokenStore>();
                sqlite.Services.AddSingleton<IAuditStore, SqliteAuditStore>();
            },
            mongoDb => mongoDb
                .AddStore<IUserStore, MongoUserStore>()
                .AddStore<IRefreshTokenStore, MongoRefreshTokenStore>()
                .AddStore<ISigningKeyStore, MongoSigningKeyStore>()
                .AddStore<IEmailTokenStore, MongoEmailTokenStore>()
                .AddStore<IAuditStore, MongoAuditStore>());

    private static void AddKeyEncryption(this IHostApplicationBuilder builder)
    {
        var keyFile = Path.Combine(builder.GetDataDirectory(), "keys", "key-encryption-key");
        builder.Services.AddSingleton(provider => KeyEncryption.Load(
            provider.GetRequiredService<IOptions<AuthOptions>>().Value.KeyEncryptionKey,
            keyFile,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<KeyEncryption>()));
    }

    private static void AddEmailDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var email = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new EmailOptions();
        if (!string.IsNullOrWhiteSpace(email.Smtp.Host))
        {
            // Fails at start-up, not at the first message, when the setting is misspelled.
            SmtpEmailSender.ParseSecurity(email.Smtp.Security);
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
            services.AddProviderDescription("email", "SMTP", $"{email.Smtp.Host}:{email.Smtp.Port}");
        }
        else
        {
            var directory = Path.GetFullPath(email.PickupDirectory ?? Path.Combine(builder.GetDataDirectory(), "mail"), builder.Environment.ContentRootPath);
            services.AddSingleton<IEmailSender>(provider => new PickupDirectoryEmailSender(
                directory, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PickupDirectoryEmailSender>>()));
            services.AddProviderDescription("email", "Pickup directory", directory);
        }

        services.AddSingleton<EmailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<EmailLinks>();
    }

    private static void AddAccountServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = settings.Passwords.IterationCount);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<AccountPasswords>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<SignIn>();
        services.AddSingleton<UnknownAccountLockout>();
        services.AddSingleton<TotpAuthenticator>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuthMetrics>();
        services.AddAuthRateLimiting(settings.RateLimits);
        // Hosted services start in registration order, so these run after the database initializer.
        services.AddHostedService(provider => provider.GetRequiredService<SigningKeyRing>());
        services.AddHostedService<BootstrapAdmin>();
        services.AddHostedService<ExpiredRecordsCleanup>();
    }

    /// <summary>
    /// The same bearer validation the other services use, but with keys from memory and account state read from the
    /// store, so Auth never calls itself.
    /// </summary>
    private static void AddOwnTokenValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, LocalOpenIdConfiguration>();
        builder.Services.AddSingleton<IAccessTokenRevocation, StoredTokenRevocation>();
        builder.AddTokenAuthentication();
    }

    private sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
            options.Validate().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
