namespace StreamingApp.ServiceDefaults.Http;

public static class SecurityHeaders
{
    /// <summary>
    /// Conservative response headers for every service. Pages that need more (a content security policy
    /// for the web UI) add it themselves; HSTS is left to the TLS-terminating edge.
    /// </summary>
    public static IApplicationBuilder UseDefaultSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
