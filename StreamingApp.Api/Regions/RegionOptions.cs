namespace StreamingApp.Api.Regions;

public sealed class RegionOptions
{
    public const string SectionName = "Region";

    /// <summary>
    /// Proxies (IPs or CIDR ranges) whose <c>CloudFront-Viewer-Country</c> header is believed, for example the
    /// load balancer's subnets behind CloudFront. From anyone else the header is ignored.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>A MaxMind GeoIP2 or GeoLite2 Country database (.mmdb) used when no trusted header is present.</summary>
    public string? GeoIpDatabase { get; set; }

    /// <summary>The country assumed when none can be determined; empty means unknown, which no rule blocks.</summary>
    public string? DefaultCountry { get; set; }
}
