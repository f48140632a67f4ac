using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Frontend.Components.Pages;

namespace StreamingApp.Frontend.Tests.Pages;

public sealed class HomeTests : BunitContext
{
    [Fact]
    public void The_home_page_shows_how_many_videos_the_catalog_holds()
    {
        var handler = UseApi(HttpStatusCode.OK, """{"items":[],"page":1,"pageSize":12,"total":1}""");

        var page = Render<Home>();

        Assert.Equal("1 video in the catalog", page.Find("[data-testid=catalog-count]").TextContent);
        Assert.Equal("/api/videos?page=1&pageSize=12", Assert.Single(handler.Requests).PathAndQuery);
    }

    [Fact]
    public void The_home_page_says_so_when_the_api_fails()
    {
        UseApi(HttpStatusCode.ServiceUnavailable, "{}");

        var page = Render<Home>();

        Assert.Contains("answered 503", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    private StubHttpHandler UseApi(HttpStatusCode status, string json)
    {
        var handler = new StubHttpHandler(status, json);
        Services.AddSingleton(new CatalogClient(new HttpClient(handler) { BaseAddress = new Uri("http://api") }));
        return handler;
    }
}
