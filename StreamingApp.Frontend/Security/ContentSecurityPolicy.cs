namespace StreamingApp.Frontend.Security;

/// <summary>Origins outside this service that pages may use (configuration section <c>ContentSecurityPolicy</c>).</summary>
public sealed class ContentSecurityPolicyOptions
{
    public const string SectionName = "ContentSecurityPolicy";

    /// <summary>Where media may come from besides this origin, for example the CloudFront distribution (images, video, playlists).</summary>
    public string[] MediaOrigins { get; set; } = [];

    /// <summary>Where the browser may upload besides this origin, for example the S3 bucket that takes direct uploads.</summary>
    public string[] UploadOrigins { get; set; } = [];
}

public static class ContentSecurityPolicy
{
    /// <summary>
    /// Scripts and styles only from this origin (no inline script, no inline event handlers), media and workers also
    /// from <c>blob:</c> (hls.js feeds the video element through Media Source Extensions), images also from <c>data:</c>
    /// (the two-factor QR code), and no framing.
    /// </summary>
    public static string Build(ContentSecurityPolicyOptions options)
    {
        var media = string.Concat(options.MediaOrigins.Select(origin => " " + origin));
        var uploads = string.Concat(options.UploadOrigins.Select(origin => " " + origin));
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' data: blob:{media}",
            $"media-src 'self' blob:{media}",
            $"connect-src 'self'{media}{uploads}",
            "worker-src 'self' blob:",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentSecurityPolicyOptions>>().Value;
        var policy = Build(options);
        return app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            return next(context);
        });
    }
}
