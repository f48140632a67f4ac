using Microsoft.Extensions.Http.Resilience;
using StreamingApp.ServiceDefaults.Health;
using StreamingApp.ServiceDefaults.Http;
using StreamingApp.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cross-cutting defaults every StreamingApp service shares: telemetry, health, service discovery,
/// resilient HttpClients, ProblemDetails and proxy awareness.
/// </summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A POST that timed out may still have happened: retrying it would register twice, create a second video
            // or present a rotated refresh token again (which revokes the session). Only safe methods are retried.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        // A malformed or oversized request body is the client's error (400, 413), also where Development throws it.
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
        {
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException;
        });
        builder.AddProxyForwarding();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);
        return builder;
    }

    /// <summary>
    /// Middleware every service runs first: forwarded headers, safe response headers and
    /// ProblemDetails for unhandled exceptions and bare status codes.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UsePeerAddress();
        app.UseForwardedHeaders();
        app.UseDefaultSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// <c>/health</c> (readiness: every check, including the database and blob storage),
    /// <c>/alive</c> (liveness: the process answers) and <c>/metrics</c> (Prometheus), in every environment.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpoints.Readiness, HealthEndpoints.Options(_ => true));
        app.MapHealthChecks(HealthEndpoints.Liveness, HealthEndpoints.Options(check => check.Tags.Contains(HealthCheckTags.Live)));
        app.MapPrometheusScrapingEndpoint(TelemetryDefaults.MetricsPath);
        return app;
    }
}
