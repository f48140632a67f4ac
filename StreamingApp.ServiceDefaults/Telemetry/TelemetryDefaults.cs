using System.Diagnostics.Metrics;
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

    /// <summary>
    /// Kestrel's memory pool counts every 4 KB block it rents and returns; recording those costs about 5% of the CPU
    /// of a server sending media, so only the pool's rare events (allocations, evictions) are kept.
    /// </summary>
    internal static bool IsPerBlockInstrument(Instrument instrument) =>
        instrument.Meter.Name == "Microsoft.AspNetCore.MemoryPool" && instrument.Name is "aspnetcore.memory_pool.rented" or "aspnetcore.memory_pool.pooled";

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
                .AddView(instrument => TelemetryDefaults.IsPerBlockInstrument(instrument) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter());

        // The OTLP exporter is only wired when an endpoint is configured (the Aspire dashboard sets one). Traces have
        // no other exporter, so without it they are not collected at all: recording an activity for every request
        // that nobody receives costs about 7% of the CPU of a small cached response.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName, $"{TelemetryDefaults.SourcePrefix}.*")
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !TelemetryDefaults.IsInfrastructureRequest(context))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }
}
