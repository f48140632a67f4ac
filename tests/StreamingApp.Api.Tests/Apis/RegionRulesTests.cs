using System.Net;
using StreamingApp.Api.Regions;
using StreamingApp.Api.Tests.Media;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Tests.Apis;

/// <summary>An Api behind a trusted proxy range, with a GeoIP database that places one range in Germany and one in France.</summary>
public sealed class RegionalApiFactory : ApiFactory
{
    public static readonly IPAddress TrustedProxy = IPAddress.Parse("10.1.2.3");
    public static readonly IPAddress GermanClient = IPAddress.Parse("203.0.113.20");
    public static readonly IPAddress FrenchClient = IPAddress.Parse("192.0.2.20");

    private string DatabasePath => Path.Combine(DataDirectory, "countries.mmdb");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await GeoIpDatabase.WriteAsync(DatabasePath, new Dictionary<string, string> { ["203.0.113.0/24"] = "DE", ["192.0.2.0/24"] = "FR" });
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Region:TrustedProxies:0"] = "10.0.0.0/8",
        ["Region:GeoIpDatabase"] = DatabasePath,
        ["Media:X264Preset"] = "ultrafast",
        ["Media:Worker:PollInterval"] = "00:00:00.200",
    };
}

/// <summary>Videos licensed for France only, seen from France and Germany, through the CDN header and through GeoIP.</summary>
public sealed class RegionRulesTests(RegionalApiFactory api, MediaClips clips) : IClassFixture<RegionalApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_video_licensed_for_france_is_hidden_and_refused_with_451_everywhere_else()
    {
        api.RemoteAddress = RegionalApiFactory.FrenchClient;
        var (creator, _) = await api.CreatorAsync();
        var (viewer, _) = await api.ClientForNewAccountAsync(AppRoles.Viewer);
        var video = await creator.CreateVideoAsync("French rights only", new { allowedCountries = new[] { "FR" } });
        await creator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        await creator.WaitForStatusAsync(video.Id(), "ready");
        var media = (await viewer.GetJsonAsync($"/api/videos/{video.Id()}/playback")).GetProperty("hlsUrl").GetString()!;

        Assert.Contains(await ListedIdsAsync(viewer), id => id == video.Id());

        api.RemoteAddress = RegionalApiFactory.GermanClient;
        Assert.DoesNotContain(await ListedIdsAsync(viewer), id => id == video.Id());
        await (await viewer.GetAsync($"/api/videos/{video.Id()}", Cancellation)).ProblemAsync(HttpStatusCode.UnavailableForLegalReasons, "unavailable-in-region");
        await (await viewer.GetAsync($"/api/videos/{video.Id()}/playback", Cancellation)).ProblemAsync(HttpStatusCode.UnavailableForLegalReasons);
        await (await viewer.GetAsync(media, Cancellation)).ProblemAsync(HttpStatusCode.UnavailableForLegalReasons);

        var ownerView = await creator.GetJsonAsync($"/api/videos/{video.Id()}");
        Assert.False(ownerView.GetProperty("availableInYourCountry").GetBoolean());
    }

    [Fact]
    public async Task The_cdn_country_header_counts_only_through_a_trusted_proxy()
    {
        var (creator, _) = await api.CreatorAsync();
        var (viewer, _) = await api.ClientForNewAccountAsync(AppRoles.Viewer);
        api.RemoteAddress = RegionalApiFactory.FrenchClient;
        var video = await creator.CreateVideoAsync("Blocked in Germany", new { blockedCountries = new[] { "DE" } });
        await creator.UploadFileAsync(video.Id(), await clips.SmallAsync());
        await creator.WaitForStatusAsync(video.Id(), "ready");

        // Through the trusted load balancer, CloudFront says the viewer is in Germany.
        api.RemoteAddress = RegionalApiFactory.TrustedProxy;
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, await DetailsStatusAsync(viewer, video.Id(), header: "DE"));
        Assert.Equal(HttpStatusCode.OK, await DetailsStatusAsync(viewer, video.Id(), header: "FR"));

        // A client in Germany claiming to be in France is placed by GeoIP instead.
        api.RemoteAddress = RegionalApiFactory.GermanClient;
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, await DetailsStatusAsync(viewer, video.Id(), header: "FR"));
    }

    private static async Task<HttpStatusCode> DetailsStatusAsync(HttpClient client, string videoId, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/videos/{videoId}");
        request.Headers.Add(ViewerCountryResolver.CountryHeader, header);
        using var response = await client.SendAsync(request, Cancellation);
        return response.StatusCode;
    }

    private static async Task<IEnumerable<string>> ListedIdsAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/videos?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(item => item.Id()).ToList();
    }
}
