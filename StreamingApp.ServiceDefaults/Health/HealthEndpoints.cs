using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace StreamingApp.ServiceDefaults.Health;

public static class HealthCheckTags
{
    /// <summary>Checks that say the process itself answers; everything else is a readiness dependency.</summary>
    public const string Live = "live";
}

public static class HealthEndpoints
{
    public const string Readiness = "/health";
    public const string Liveness = "/alive";

    /// <summary>The role whose members may read dependency details from a non-local address.</summary>
    public const string DetailsRole = "admin";

    internal static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteResponseAsync,
    };

    /// <summary>
    /// Everyone gets the overall status; the per-dependency breakdown (which can reveal hosts and
    /// failure messages) goes only to loopback callers and admins.
    /// </summary>
    private static Task WriteResponseAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";

        object body = MayReadDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                durationMs = report.TotalDuration.TotalMilliseconds,
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new
                    {
                        status = entry.Value.Status.ToString(),
                        description = entry.Value.Description,
                        durationMs = entry.Value.Duration.TotalMilliseconds,
                        data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
                    }),
            }
            : new { status = report.Status.ToString() };

        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    internal static bool MayReadDetails(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        || context.User.HasClaim(ClaimTypes.Role, DetailsRole)
        || context.User.HasClaim("role", DetailsRole);
}
