using System.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using StreamingApp.Frontend.Authentication;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace StreamingApp.Frontend.Proxy;

/// <summary>
/// The few Api routes the browser reaches through this service's origin: signed media (anonymous, the URL is the
/// permission) and the calls page scripts make for the signed-in user (upload with progress, direct-upload sessions,
/// status polling, fresh playback URLs, watch progress, party chat history, and the watch party hub with its
/// WebSockets). For those the proxy adds the user's access token, which never reaches the browser, and refuses
/// requests without the antiforgery header.
/// </summary>
public static class ApiProxy
{
    public const string ClusterId = "api";
    public const string UploadSourceRoute = "upload-source";
    public const string PartyHubRoute = "party-hub";
    public const string PartyHubPath = "/hubs/party";

    /// <summary>Route metadata marking routes that carry the user's access token.</summary>
    public const string ForUserMetadata = "StreamingApp.ForUser";

    /// <summary>The Api found through service discovery.</summary>
    public const string ApiAddress = "https+http://api";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig
        {
            RouteId = "media",
            ClusterId = ClusterId,
            AuthorizationPolicy = "anonymous",
            Match = new RouteMatch { Path = "/media/{**key}", Methods = [HttpMethods.Get, HttpMethods.Head] },
        },
        ForUser("video", "/api/videos/{id}", HttpMethods.Get),
        ForUser("playback", "/api/videos/{id}/playback", HttpMethods.Get),
        ForUser(UploadSourceRoute, "/api/videos/{id}/source", HttpMethods.Put),
        ForUser("direct-upload-start", "/api/videos/{id}/uploads", HttpMethods.Post),
        ForUser("direct-upload", "/api/videos/{id}/uploads/{uploadId}", HttpMethods.Get, HttpMethods.Delete),
        ForUser("direct-upload-complete", "/api/videos/{id}/uploads/{uploadId}/complete", HttpMethods.Post),
        ForUser("progress", "/api/me/progress/{videoId}", HttpMethods.Put),
        ForUser("party-messages", "/api/parties/{id}/messages", HttpMethods.Get),
        // Negotiation (POST), the WebSocket or server-sent events (GET), long polling (GET, POST, DELETE).
        ForUser(PartyHubRoute, PartyHubPath + "/{**connection}", HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig> { ["api"] = new() { Address = ApiAddress } },
            // Uploads stream for as long as the file takes; the limit is on silence, not on duration.
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(2) },
        },
    ];

    /// <summary>Paths under which the proxy answers (whether or not a route matches the method).</summary>
    public static bool IsProxiedPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/media") || path.StartsWithSegments(PartyHubPath);

    public static IServiceCollection AddApiProxy(this IServiceCollection services)
    {
        services.AddReverseProxy()
            .LoadFromMemory(Routes, Clusters)
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context =>
            {
                // The Api needs neither the session cookie (it could not read it) nor the antiforgery token.
                context.AddRequestHeaderRemove("Cookie");
                context.AddRequestHeaderRemove(FrontendAuthentication.AntiforgeryHeader);
                context.UseDefaultForwarders = false;
                var forUser = context.Route.Metadata?.ContainsKey(ForUserMetadata) == true;
                context.AddRequestTransform(transform =>
                {
                    ViewerHeaders.CopyTo(transform.HttpContext, transform.ProxyRequest.Headers);
                    if (forUser && transform.HttpContext.GetSessionTokens() is { } tokens)
                    {
                        transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
                    }

                    return ValueTask.CompletedTask;
                });
            });
        return services;
    }

    public static IEndpointConventionBuilder MapApiProxy(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
        {
            var route = context.GetReverseProxyFeature().Route.Config;
            if (route.RouteId == PartyHubRoute && HttpMethods.IsGet(context.Request.Method) && !context.Request.Query.ContainsKey("id"))
            {
                // A browser cannot add the antiforgery header to a WebSocket, so the hub's GETs must carry the
                // connection token of a negotiation, which did carry it (no connecting without negotiating).
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Connect to the hub through its negotiate endpoint.",
                    type: "https://streamingapp.dev/problems/negotiation-required").ExecuteAsync(context);
                return;
            }

            if (route.Metadata?.ContainsKey(ForUserMetadata) == true)
            {
                // Page scripts send the token from the page's meta tag; another site cannot read it.
                if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
                {
                    await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request lacks a valid antiforgery token.",
                        type: "https://streamingapp.dev/problems/antiforgery").ExecuteAsync(context);
                    return;
                }

                if (route.RouteId == UploadSourceRoute && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    // The Api enforces its own upload limit; this hop only relays the stream.
                    limit.MaxRequestBodySize = null;
                }
            }

            await next();
        }));

    private static RouteConfig ForUser(string id, string path, params string[] methods) => new()
    {
        RouteId = id,
        ClusterId = ClusterId,
        AuthorizationPolicy = "default",
        Match = new RouteMatch { Path = path, Methods = methods },
        Metadata = new Dictionary<string, string> { [ForUserMetadata] = "true" },
    };
}
