using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Regions;
using StreamingApp.ServiceDefaults.Http;

namespace StreamingApp.Api.Tests.Regions;

public sealed class ViewerCountryResolverTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("geoip");

    [Fact]
    public void The_cdn_country_header_is_believed_only_from_a_trusted_proxy()
    {
        using var resolver = new ViewerCountryResolver(Options.Create(new RegionOptions { TrustedProxies = ["10.0.0.0/8", "192.0.2.1"] }));

        Assert.Equal("DE", resolver.Resolve(Request(peer: "10.1.2.3", client: "198.51.100.9", header: "de")));
        Assert.Equal("DE", resolver.Resolve(Request(peer: "192.0.2.1", client: "198.51.100.9", header: "DE")));
        Assert.Null(resolver.Resolve(Request(peer: "198.51.100.9", client: "198.51.100.9", header: "DE")));
        Assert.Null(resolver.Resolve(Request(peer: "10.1.2.3", client: "198.51.100.9", header: "XX")));
    }

    [Fact]
    public async Task Without_a_trusted_header_the_geoip_database_decides()
    {
        var database = _directory.Combine("countries.mmdb");
        await GeoIpDatabase.WriteAsync(database, new Dictionary<string, string> { ["203.0.113.0/24"] = "FR", ["2001:db8::/32"] = "JP" });
        using var resolver = new ViewerCountryResolver(Options.Create(new RegionOptions { GeoIpDatabase = database, DefaultCountry = "us" }));

        Assert.Equal("FR", resolver.Resolve(Request(peer: "203.0.113.7", client: "203.0.113.7", header: "DE")));
        Assert.Equal("JP", resolver.Resolve(Request(peer: "2001:db8::1", client: "2001:db8::1")));
        Assert.Equal("US", resolver.Resolve(Request(peer: "198.51.100.1", client: "198.51.100.1")));
    }

    [Fact]
    public void A_bad_setting_stops_the_service_with_the_setting_named()
    {
        Assert.Contains("Region:TrustedProxies", Assert.Throws<InvalidOperationException>(
            () => new ViewerCountryResolver(Options.Create(new RegionOptions { TrustedProxies = ["nonsense"] }))).Message, StringComparison.Ordinal);
        Assert.Contains("Region:DefaultCountry", Assert.Throws<InvalidOperationException>(
            () => new ViewerCountryResolver(Options.Create(new RegionOptions { DefaultCountry = "Germany" }))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "FR", true)]
    [InlineData(new[] { "FR" }, new string[0], "FR", true)]
    [InlineData(new[] { "FR" }, new string[0], "DE", false)]
    [InlineData(new string[0], new[] { "DE" }, "DE", false)]
    [InlineData(new[] { "FR" }, new string[0], null, true)]
    public void Allow_and_block_lists_decide_per_country(string[] allowed, string[] blocked, string? country, bool expected)
    {
        var video = new Video { Id = "v", OwnerId = "o", Title = "t", AllowedCountries = allowed, BlockedCountries = blocked };

        Assert.Equal(expected, RegionRules.IsAllowed(video, country));
    }

    private static DefaultHttpContext Request(string peer, string client, string? header = null)
    {
        var context = new DefaultHttpContext();
        context.Features.Set(new PeerAddressFeature(IPAddress.Parse(peer)));
        context.Connection.RemoteIpAddress = IPAddress.Parse(client);
        if (header is not null)
        {
            context.Request.Headers[ViewerCountryResolver.CountryHeader] = header;
        }

        return context;
    }

    public void Dispose() => _directory.Dispose();
}
