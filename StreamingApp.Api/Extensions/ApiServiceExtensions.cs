using StreamingApp.ServiceDefaults.Authentication;
using StreamingApp.ServiceDefaults.Health;
using StreamingApp.Api.Apis;
using StreamingApp.Api.Catalog.MongoDb;
using StreamingApp.Api.Catalog.Sqlite;
using StreamingApp.Api.History;
using StreamingApp.Api.History.MongoDb;
using StreamingApp.Api.History.Sqlite;
using StreamingApp.Api.Playback;
using StreamingApp.Api.Regions;
using StreamingApp.Api.Telemetry;
using StreamingApp.Api.Uploads;
using StreamingApp.Api.Media;
using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Processing.MongoDb;
using StreamingApp.Api.Media.Processing.Sqlite;
using StreamingApp.Api.Parties;
using StreamingApp.Api.Parties.MongoDb;
using StreamingApp.Api.Parties.Sqlite;
using Microsoft.Extensions.Options;
using StreamingApp.ServiceDefaults.Persistence;
using StreamingApp.ServiceDefaults.Security;

namespace StreamingApp.Api.Extensions;

public static class ApiServiceExtensions
{
    public const string ServiceName = "api";

    /// <summary>JSON request bodies are small; only the upload endpoint raises this for itself.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddTokenAuthentication();
        builder.AddCatalogPersistence();
        builder.AddCatalogCache();
        builder.AddBlobStorage();
        builder.AddPlayback();
        builder.AddRegions();
        builder.AddMediaProcessing();
        builder.AddUploads();
        builder.AddParties();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddSingleton<VideoRemoval>();
        builder.Services.AddMediaCors(builder.Configuration);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));
        builder.Services.AddOpenApi();
        return builder;
    }

    private static void AddCatalogPersistence(this IHostApplicationBuilder builder) =>
        builder.AddServiceDatabase(
            ServiceName,
            sqlite =>
            {
                sqlite.AddMigrations(typeof(ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations");
                sqlite.Services.AddSingleton<IVideoStore, SqliteVideoStore>();
                sqlite.Services.AddSingleton<IWatchHistoryStore, SqliteWatchHistoryStore>();
                sqlite.Services.AddSingleton<IProcessingJobStore, SqliteProcessingJobStore>();
                sqlite.Services.AddSingleton<IPartyStore, SqlitePartyStore>();
                sqlite.Services.AddSingleton<IPartyMessageStore, SqlitePartyMessageStore>();
            },
            mongoDb => mongoDb
                .AddStore<IVideoStore, MongoVideoStore>()
                .AddStore<IWatchHistoryStore, MongoWatchHistoryStore>()
                .AddStore<IProcessingJobStore, MongoProcessingJobStore>()
                .AddStore<IPartyStore, MongoPartyStore>()
                .AddStore<IPartyMessageStore, MongoPartyMessageStore>());

    private static void AddPlayback(this IHostApplicationBuilder builder)
    {
        var playback = builder.Configuration.GetSection(PlaybackOptions.SectionName).Get<PlaybackOptions>() ?? new PlaybackOptions();
        var cdn = builder.Configuration.GetSection(CdnOptions.SectionName).Get<CdnOptions>() ?? new CdnOptions();
        var signing = builder.Configuration.GetSection(MediaSigningOptions.SectionName).Get<MediaSigningOptions>() ?? new MediaSigningOptions();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(provider => new SigningWindow(provider.GetRequiredService<TimeProvider>(), playback));
        builder.Services.AddSingleton(provider => new MediaToken(MediaSigningKey(builder, signing), provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<MediaUrls>();
        if (cdn.IsConfigured)
        {
            builder.Services.AddSingleton<IMediaUrlSigner>(_ => new CloudFrontUrlSigner(cdn));
            builder.Services.AddProviderDescription("media delivery", "CloudFront signed URLs", cdn.BaseUrl!);
        }
        else
        {
            builder.Services.AddSingleton<IMediaUrlSigner>(provider => new ApiMediaUrlSigner(provider.GetRequiredService<MediaToken>(), signing));
            builder.Services.AddProviderDescription("media delivery", "Api-signed URLs", signing.PublicBaseUrl ?? "relative /media URLs");
        }
    }

    /// <summary>The configured HMAC key, or one generated once under the data folder for single-node use.</summary>
    private static byte[] MediaSigningKey(IHostApplicationBuilder builder, MediaSigningOptions signing)
    {
        if (string.IsNullOrWhiteSpace(signing.Key))
        {
            return LocalSecret.GetOrCreate(Path.Combine(builder.GetDataDirectory(), "media-signing.key"), 32);
        }

        var key = Convert.FromBase64String(signing.Key);
        return key.Length >= 32 ? key : throw new InvalidOperationException("Media:Signing:Key must be at least 32 bytes (base64).");
    }

    private static void AddRegions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegionOptions>().Bind(builder.Configuration.GetSection(RegionOptions.SectionName));
        builder.Services.AddSingleton<ViewerCountryResolver>();
    }

    private static void AddUploads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UploadTempFiles>();
        builder.Services.AddSingleton<SourceIntake>();
        builder.Services.AddSingleton<DirectUploads>();
    }

    /// <summary>
    /// Watch parties: the rules, the store-backed coordinator, the sweeper, and the SignalR hub, scaled out through
    /// Redis when <c>ConnectionStrings:redis</c> is set.
    /// </summary>
    private static void AddParties(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PartyOptions>().Bind(builder.Configuration.GetSection(PartyOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PartyOptions>, PartyOptionsValidator>();
        builder.Services.AddSingleton<PlaybackGate>();
        builder.Services.AddSingleton<PartyRules>();
        builder.Services.AddSingleton<PartyViews>();
        builder.Services.AddSingleton<PartyNotifier>();
        builder.Services.AddSingleton<PartyCoordinator>();
        builder.Services.AddSingleton<PartyChat>();
        builder.Services.AddSingleton<ChatRateLimiter>();
        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<PartyMetrics>();
        builder.Services.AddHostedService<PartySweeper>();
        builder.Services.AddSignalR().AddPartyBackplane(builder);
    }

    /// <summary>Browsers on the web UI's origin fetch media (hls.js uses XHR), so the media endpoint answers CORS for those origins.</summary>
    private static void AddMediaCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(MediaApi.CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("Range")
            .WithExposedHeaders("Content-Range", "Content-Length", "Accept-Ranges")));
    }
}
