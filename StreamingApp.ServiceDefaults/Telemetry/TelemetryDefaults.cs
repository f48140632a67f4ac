using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StreamingApp.ServiceDefaults.Health;

namespace StreamingApp.ServiceDefaults.Telemetry;

public static class TelemetryDefaults
{
    public const string MetricsPath = "/metrics";

    /// <summary>Every custom meter and activity source in the solution is named under this prefix.</summary>
    public const string SourcePrefix = "StreamingApp";

    internal static bool IsInfrastructureRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthEndpoints.Readiness)
        || context.Request.Path.StartsWithSegments(HealthEndpoints.Liveness)
        || context.Request.Path.StartsWithSegments(MetricsPath);
}

public static class TelemetryExtensions
{
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter($"{TelemetryDefaults.SourcePrefix}.*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, $"{TelemetryDefaults.SourcePrefix}.*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !TelemetryDefaults.IsInfrastructureRequest(context))
                .AddHttpClientInstrumentation());

        // The OTLP exporter is only wired when an endpoint is configured (the Aspire dashboard sets one).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
