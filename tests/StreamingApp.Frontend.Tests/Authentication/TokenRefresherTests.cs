using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingApp.Frontend.Authentication;

namespace StreamingApp.Frontend.Tests.Authentication;

public sealed class TokenRefresherTests
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private readonly TestTokenIssuer _issuer = new();
    private readonly StubHttpHandler _auth = new();

    [Fact]
    public async Task Concurrent_requests_of_one_session_share_a_single_refresh()
    {
        var refreshed = new TokenResponse(_issuer.Token("u1", [Roles.Viewer]), "refresh-2", 900, "Bearer");
        var release = new TaskCompletionSource();
        _auth.Answer("/api/auth/refresh", HttpStatusCode.OK, TestData.Json(refreshed));
        var refresher = Refresher(beforeAnswer: release.Task);

        var first = refresher.RefreshAsync("refresh-1", Cancellation);
        var second = refresher.RefreshAsync("refresh-1", Cancellation);
        release.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        Assert.Single(_auth.Requests);
        Assert.All(outcomes, outcome => Assert.Equal("refresh-2", Assert.IsType<RefreshOutcome.Renewed>(outcome).Tokens.RefreshToken));
    }

    [Fact]
    public async Task A_request_that_still_carries_the_old_refresh_token_gets_the_same_new_tokens()
    {
        _auth.Answer("/api/auth/refresh", HttpStatusCode.OK, TestData.Json(new TokenResponse(_issuer.Token("u1", [Roles.Viewer]), "refresh-2", 900, "Bearer")));
        var refresher = Refresher();

        await refresher.RefreshAsync("refresh-1", Cancellation);
        var late = await refresher.RefreshAsync("refresh-1", Cancellation);

        Assert.Single(_auth.Requests);
        Assert.IsType<RefreshOutcome.Renewed>(late);
    }

    [Fact]
    public async Task A_refused_refresh_token_ends_the_session()
    {
        _auth.Answer("/api/auth/refresh", HttpStatusCode.Unauthorized, TestData.Problem(401, "invalid-refresh-token", "The session has ended."));

        var outcome = await Refresher().RefreshAsync("revoked", Cancellation);

        Assert.IsType<RefreshOutcome.Ended>(outcome);
    }

    [Fact]
    public async Task An_unreachable_auth_keeps_the_session_and_is_asked_again_next_time()
    {
        _auth.Answer("/api/auth/refresh", HttpStatusCode.ServiceUnavailable, "{}");
        var refresher = Refresher();

        Assert.IsType<RefreshOutcome.Unavailable>(await refresher.RefreshAsync("refresh-1", Cancellation));
        Assert.IsType<RefreshOutcome.Unavailable>(await refresher.RefreshAsync("refresh-1", Cancellation));
        Assert.Equal(2, _auth.Requests.Count);
    }

    private TokenRefresher Refresher(Task? beforeAnswer = null)
    {
        var services = new ServiceCollection();
        HttpMessageHandler handler = beforeAnswer is null ? _auth : new DelayingHandler(beforeAnswer, _auth);
        services.AddSingleton(new AuthClient(new HttpClient(handler) { BaseAddress = new Uri("http://auth") }));
        var provider = services.BuildServiceProvider();
        return new TokenRefresher(provider.GetRequiredService<IServiceScopeFactory>(), _issuer.Validator(), new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new SessionOptions()), TimeProvider.System, NullLogger<TokenRefresher>.Instance);
    }

    private sealed class DelayingHandler(Task gate, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await gate;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
