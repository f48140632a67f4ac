using System.Net;
using MaxMind.GeoIP2;
using Microsoft.Extensions.Options;
using StreamingApp.ServiceDefaults.Http;

namespace StreamingApp.Api.Regions;

/// <summary>
/// Where a viewer is: the CDN's country header when the request came through a trusted proxy, otherwise the
/// GeoIP database's answer for the client address, otherwise the configured default.
/// </summary>
public sealed class ViewerCountryResolver : IDisposable
{
    public const string CountryHeader = "CloudFront-Viewer-Country";

    private readonly IReadOnlyList<System.Net.IPNetwork> _trustedProxies;
    private readonly DatabaseReader? _geoIp;
    private readonly string? _defaultCountry;

    public ViewerCountryResolver(IOptions<RegionOptions> options)
    {
        var settings = options.Value;
        _trustedProxies = settings.TrustedProxies.Select(ParseNetwork).ToList();
        _geoIp = string.IsNullOrWhiteSpace(settings.GeoIpDatabase) ? null : new DatabaseReader(settings.GeoIpDatabase);
        _defaultCountry = string.IsNullOrWhiteSpace(settings.DefaultCountry) ? null : CountryCodes.Normalize(settings.DefaultCountry)
            ?? throw new InvalidOperationException($"Region:DefaultCountry '{settings.DefaultCountry}' is not an ISO 3166 alpha-2 code.");
    }

    public string? Resolve(HttpContext context)
    {
        if (context.GetPeerAddress() is { } peer && IsTrustedProxy(peer)
            && CountryCodes.Normalize(context.Request.Headers[CountryHeader].ToString()) is { } fromCdn)
        {
            return fromCdn;
        }

        if (_geoIp is not null && context.Connection.RemoteIpAddress is { } client
            && _geoIp.TryCountry(client, out var response) && CountryCodes.Normalize(response?.Country.IsoCode) is { } fromGeoIp)
        {
            return fromGeoIp;
        }

        return _defaultCountry;
    }

    public void Dispose() => _geoIp?.Dispose();

    private bool IsTrustedProxy(IPAddress address)
    {
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _trustedProxies.Any(network => network.Contains(candidate));
    }

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network) ? network
        : IPAddress.TryParse(value, out var single) ? new System.Net.IPNetwork(single, single.GetAddressBytes().Length * 8)
        : throw new InvalidOperationException($"Region:TrustedProxies contains '{value}', which is neither an IP address nor a CIDR range.");
}
