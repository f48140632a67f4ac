using System.Net;

namespace StreamingApp.ServiceDefaults.Http;

/// <summary>
/// The address of the machine that opened the connection, kept before forwarded headers replace
/// <c>Connection.RemoteIpAddress</c> with the client's: deciding whether a header from a proxy can be
/// trusted needs the proxy's own address.
/// </summary>
public sealed record PeerAddressFeature(IPAddress? Address);

public static class PeerAddress
{
    public static IApplicationBuilder UsePeerAddress(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Features.Set(new PeerAddressFeature(context.Connection.RemoteIpAddress));
            return next(context);
        });

    public static IPAddress? GetPeerAddress(this HttpContext context) =>
        context.Features.Get<PeerAddressFeature>()?.Address ?? context.Connection.RemoteIpAddress;
}
