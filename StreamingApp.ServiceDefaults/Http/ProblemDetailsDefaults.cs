using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace StreamingApp.ServiceDefaults.Http;

public static class ProblemDetailsDefaults
{
    /// <summary>Adds the request path and a trace id so a user's error report can be found in the logs and traces.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        details.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
        var traceId = Activity.Current?.Id ?? context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
            ?? context.HttpContext.TraceIdentifier;
        details.Extensions.TryAdd("traceId", traceId);
    }
}
