using System.Net;
using System.Net.Http.Json;
using StreamingApp.Auth.Apis;

namespace StreamingApp.Auth.Tests.Apis;

/// <summary>Who may read the revocation feed, and what it lists.</summary>
public sealed class RevocationFeedTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_secret_configured_the_feed_needs_it_and_lists_disabled_accounts()
    {
        await using var auth = await AuthServer.StartAsync(new Dictionary<string, string?> { ["Auth:Revocations:Secret"] = "feed-secret-for-tests" });
        var account = await auth.CreateAccountAsync();
        await auth.DisableUserAsync(account.Id);

        using var anonymous = await auth.Client.GetAsync(RevocationFeed.Path, Cancellation);
        using var wrong = await ReadFeedAsync(auth, "another-secret");
        using var right = await ReadFeedAsync(auth, "feed-secret-for-tests");

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = (await right.Content.ReadFromJsonAsync<RevocationFeedPage>(Cancellation))!;
        var revoked = Assert.Single(page.Items);
        Assert.Equal(account.Id, revoked.Subject);
        Assert.Equal(930, page.WindowSeconds);
        Assert.False(page.HasMore);
        Assert.Equal("no-store", right.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Without_a_secret_only_loopback_callers_may_read_it()
    {
        await using var auth = await AuthServer.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var remote = new HttpRequestMessage(HttpMethod.Get, RevocationFeed.Path);
        remote.Headers.Add("X-Forwarded-For", "203.0.113.50");

        using var fromRemote = await auth.Client.SendAsync(remote, Cancellation);
        using var local = await auth.Client.GetAsync($"{RevocationFeed.Path}?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}", Cancellation);

        var problem = await fromRemote.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, fromRemote.StatusCode);
        Assert.Equal(AuthProblems.Forbidden, problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    private static async Task<HttpResponseMessage> ReadFeedAsync(AuthServer auth, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RevocationFeed.Path);
        request.Headers.Add(RevocationFeed.SecretHeader, secret);
        return await auth.Client.SendAsync(request, Cancellation);
    }
}
