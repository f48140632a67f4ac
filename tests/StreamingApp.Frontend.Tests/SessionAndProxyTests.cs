using System.Net;

namespace StreamingApp.Frontend.Tests;

public sealed class SessionAndProxyTests(FrontendFactory factory) : IClassFixture<FrontendFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_script()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/account/login", Cancellation);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("media-src 'self' blob:", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_asking_for_a_private_page_is_sent_to_sign_in_and_back()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/history", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fhistory", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_visitor_calling_a_proxied_api_route_gets_401_not_a_sign_in_page()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PutAsync("/api/me/progress/0123456789abcdef0123456789abcdef", new StringContent("{}"), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_keeps_the_tokens_in_an_encrypted_http_only_cookie_and_the_page_never_shows_them()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer, Roles.Creator);

        using var page = await client.GetAsync("/account/forgot-password", Cancellation);
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        var loginResponseCookies = factory.Auth.Requests.Count;

        Assert.Contains("data-testid=\"nav-upload\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Issuer.Token("u1", [])[..20], html, StringComparison.Ordinal);
        Assert.True(loginResponseCookies >= 1);
    }

    [Fact]
    public async Task A_proxied_call_without_the_antiforgery_header_is_refused_and_with_it_is_forwarded()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var token = FrontendFactory.MetaToken(await client.GetStringAsync("/account/forgot-password", Cancellation));
        const string path = "/api/me/progress/0123456789abcdef0123456789abcdef";

        using var refused = await client.PutAsync(path, new StringContent("""{"positionSeconds":5}"""), Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent("""{"positionSeconds":5}""") };
        request.Headers.Add("X-CSRF-TOKEN", token);
        using var forwarded = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("antiforgery", await refused.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        // Forwarded to the Api, which this test does not run: the proxy answers that the destination is unreachable.
        Assert.Equal(HttpStatusCode.BadGateway, forwarded.StatusCode);
    }

    [Fact]
    public async Task The_party_hub_is_proxied_only_after_a_negotiation_that_carried_the_antiforgery_header()
    {
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var token = FrontendFactory.MetaToken(await client.GetStringAsync("/account/forgot-password", Cancellation));

        using var visitor = await anonymous.PostAsync("/hubs/party/negotiate?negotiateVersion=1", null, Cancellation);
        using var withoutHeader = await client.PostAsync("/hubs/party/negotiate?negotiateVersion=1", null, Cancellation);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/party/negotiate?negotiateVersion=1") { Headers = { { "X-CSRF-TOKEN", token } } };
        using var negotiated = await client.SendAsync(negotiate, Cancellation);
        // A WebSocket (or event stream) without the connection token of a negotiation would skip the header check.
        using var skipped = await client.GetAsync("/hubs/party", Cancellation);
        using var connection = await client.GetAsync("/hubs/party?id=connection-token", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, visitor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("negotiation-required", await skipped.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        // Forwarded to the Api, which this test does not run.
        Assert.Equal(HttpStatusCode.BadGateway, negotiated.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, connection.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_token_and_ends_the_session_at_auth()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        factory.Auth.Answer("/api/auth/logout", HttpStatusCode.NoContent, "");
        var token = FrontendFactory.AntiforgeryToken(await client.GetStringAsync("/account/forgot-password", Cancellation));

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Cancellation);
        using var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Cancellation);
        using var afterwards = await client.GetAsync("/history", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains(factory.Auth.Requests, request => request.RequestUri!.AbsolutePath == "/api/auth/logout");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }
}
