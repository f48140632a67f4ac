using System.Net.Http.Headers;
using StreamingApp.ServiceDefaults.Http;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// What the Api needs to know about the browser behind a call the web UI makes or relays: its address (the Api trusts
/// <c>X-Forwarded-For</c> from this service when it is one of its known proxies) and, only when the request reached
/// this service through one of its own trusted proxies, the CDN's viewer-country header.
/// </summary>
public static class ViewerHeaders
{
    public const string CountryHeader = "CloudFront-Viewer-Country";

    public static void CopyTo(HttpContext context, HttpRequestHeaders headers)
    {
        if (context.Connection.RemoteIpAddress is { } client)
        {
            headers.Remove("X-Forwarded-For");
            headers.TryAddWithoutValidation("X-Forwarded-For", client.ToString());
        }

        headers.Remove(CountryHeader);
        if (CameThroughTrustedProxy(context) && context.Request.Headers[CountryHeader].ToString() is { Length: > 0 } country)
        {
            headers.TryAddWithoutValidation(CountryHeader, country);
        }
    }

    /// <summary>Forwarded-header processing replaced the peer's address with the client's only for a trusted proxy.</summary>
    public static bool CameThroughTrustedProxy(HttpContext context) =>
        context.GetPeerAddress() is { } peer && context.Connection.RemoteIpAddress is { } client && !peer.Equals(client);
}
