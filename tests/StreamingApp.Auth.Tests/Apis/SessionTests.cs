using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Audit;
using StreamingApp.Auth.Security;
using StreamingApp.Auth.Sessions;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class SessionTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task An_access_token_carries_the_documented_claims()
    {
        var account = await Auth.CreateAccountAsync(AppRoles.Viewer, AppRoles.Creator);

        var token = new JsonWebToken(account.AccessToken);

        Assert.Equal("ES256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(account.Id, token.Subject);
        Assert.Equal(Auth.Authority, token.Issuer);
        Assert.Equal([TokenAuthenticationOptions.DefaultAudience], token.Audiences);
        Assert.Equal(account.Email, token.GetClaim("email").Value);
        Assert.Equal("Test User", token.GetClaim("name").Value);
        Assert.Equal([AppRoles.Viewer, AppRoles.Creator], token.Claims.Where(claim => claim.Type == "role").Select(claim => claim.Value));
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
        Assert.False(string.IsNullOrEmpty(token.GetClaim("sid").Value));
    }

    [Fact]
    public async Task A_refresh_rotates_the_pair_and_the_refresh_token_is_stored_only_as_a_hash()
    {
        var account = await Auth.CreateAccountAsync();

        var rotated = await ReadTokensAsync(await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }));

        Assert.NotEqual(account.RefreshToken, rotated.RefreshToken);
        Assert.Equal(43, rotated.RefreshToken.Length);
        Assert.Equal(new JsonWebToken(account.AccessToken).GetClaim("sid").Value, new JsonWebToken(rotated.AccessToken).GetClaim("sid").Value);
        var store = Auth.Services.GetRequiredService<IRefreshTokenStore>();
        Assert.NotNull(await store.GetAsync(SecretTokens.Hash(rotated.RefreshToken), Cancellation));
        Assert.Null(await store.GetAsync(rotated.RefreshToken, Cancellation));
        var me = await GetJsonAsync("/api/auth/me", rotated.AccessToken);
        Assert.Equal(account.Id, me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var account = await Auth.CreateAccountAsync();
        var other = await Auth.LoginAsync(account.Email, account.Password);
        var rotated = await ReadTokensAsync(await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }));

        using var replay = await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken });
        using var successor = await PostAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        using var otherSession = await PostAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken });

        await AssertProblemAsync(replay, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        await AssertProblemAsync(successor, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        Assert.Equal(HttpStatusCode.OK, otherSession.StatusCode);
        var audit = await Auth.Services.GetRequiredService<IAuditStore>().ListForUserAsync(account.Id, 20, Cancellation);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.RefreshTokenReused);
    }

    [Fact]
    public async Task Of_two_concurrent_refreshes_with_the_same_token_exactly_one_wins()
    {
        var account = await Auth.CreateAccountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken })));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Unauthorized);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Logout_ends_one_session_and_unknown_tokens_are_ignored()
    {
        var account = await Auth.CreateAccountAsync();
        var other = await Auth.LoginAsync(account.Email, account.Password);

        using var logout = await PostAsync("/api/auth/logout", new { refreshToken = account.RefreshToken });
        using var unknown = await PostAsync("/api/auth/logout", new { refreshToken = "unknown" });
        using var refresh = await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken });
        using var otherRefresh = await PostAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        await AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        Assert.Equal(HttpStatusCode.OK, otherRefresh.StatusCode);
    }

    [Fact]
    public async Task Logout_everywhere_revokes_every_refresh_token_and_earlier_access_tokens()
    {
        var account = await Auth.CreateAccountAsync();
        var other = await Auth.LoginAsync(account.Email, account.Password);

        using var unauthenticated = await PostAsync("/api/auth/logout-all", null);
        using var logoutAll = await PostAsync("/api/auth/logout-all", null, account.AccessToken);
        using var me = await Auth.CreateClient(other.AccessToken).GetAsync("/api/auth/me", Cancellation);
        using var refresh = await PostAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken });

        await AssertProblemAsync(unauthenticated, HttpStatusCode.Unauthorized, AuthProblems.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, logoutAll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);

        // A new sign-in, even within the same second, works.
        var fresh = await Auth.LoginAsync(account.Email, account.Password);
        Assert.Equal(account.Id, (await GetJsonAsync("/api/auth/me", fresh.AccessToken)).GetProperty("id").GetString());
    }
}
