using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Audit;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class UserAdministrationTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task Role_changes_show_in_the_next_token_and_tokens_with_a_removed_role_are_refused()
    {
        var account = await Auth.CreateAccountAsync();
        var admin = await Auth.AdminAccessTokenAsync();
        using var client = Auth.CreateClient(admin);

        using var promoted = await client.PutAsJsonAsync($"/api/auth/users/{account.Id}/roles", new { roles = new[] { "creator", "viewer" } }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(["viewer", "creator"], (await promoted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        var creatorToken = (await Auth.LoginAsync(account.Email, account.Password)).AccessToken;
        Assert.Contains(new JsonWebToken(creatorToken).Claims, claim => claim is { Type: "role", Value: "creator" });

        using var demoted = await client.PutAsJsonAsync($"/api/auth/users/{account.Id}/roles", new { roles = new[] { "viewer" } }, Cancellation);
        using var stale = await Auth.CreateClient(creatorToken).GetAsync("/api/auth/me", Cancellation);
        var viewerToken = (await Auth.LoginAsync(account.Email, account.Password)).AccessToken;

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.DoesNotContain(new JsonWebToken(viewerToken).Claims, claim => claim is { Type: "role", Value: "creator" });
        var audit = await Auth.Services.GetRequiredService<IAuditStore>().ListForUserAsync(account.Id, 20, Cancellation);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.RolesChanged && auditEvent.Details["to"] == "viewer" && auditEvent.ActorId != account.Id);
    }

    [Fact]
    public async Task Unknown_roles_unknown_accounts_and_self_demotion_are_refused()
    {
        var account = await Auth.CreateAccountAsync();
        var admin = await Auth.AdminAccessTokenAsync();
        var adminId = new JsonWebToken(admin).Subject;
        using var client = Auth.CreateClient(admin);

        using var unknownRole = await client.PutAsJsonAsync($"/api/auth/users/{account.Id}/roles", new { roles = new[] { "owner" } }, Cancellation);
        using var noRoles = await client.PutAsJsonAsync($"/api/auth/users/{account.Id}/roles", new { roles = Array.Empty<string>() }, Cancellation);
        using var unknownAccount = await client.PutAsJsonAsync("/api/auth/users/nobody/roles", new { roles = new[] { "viewer" } }, Cancellation);
        using var selfDemotion = await client.PutAsJsonAsync($"/api/auth/users/{adminId}/roles", new { roles = new[] { "viewer" } }, Cancellation);
        using var selfDisable = await client.PostAsync($"/api/auth/users/{adminId}/disable", null, Cancellation);

        await AssertProblemAsync(unknownRole, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        await AssertProblemAsync(noRoles, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        await AssertProblemAsync(unknownAccount, HttpStatusCode.NotFound, AuthProblems.NotFound);
        await AssertProblemAsync(selfDemotion, HttpStatusCode.Conflict, AuthProblems.CannotChangeOwnAccount);
        await AssertProblemAsync(selfDisable, HttpStatusCode.Conflict, AuthProblems.CannotChangeOwnAccount);
    }

    [Fact]
    public async Task Admin_endpoints_refuse_everyone_else()
    {
        var viewer = await Auth.CreateAccountAsync();
        var creator = await Auth.CreateAccountAsync(AppRoles.Viewer, AppRoles.Creator);

        using var asViewer = await Auth.CreateClient(viewer.AccessToken).GetAsync("/api/auth/users", Cancellation);
        using var asCreator = await PostAsync($"/api/auth/users/{viewer.Id}/disable", null, creator.AccessToken);
        using var anonymous = await Auth.Client.GetAsync("/api/auth/users", Cancellation);

        await AssertProblemAsync(asViewer, HttpStatusCode.Forbidden, AuthProblems.Forbidden);
        await AssertProblemAsync(asCreator, HttpStatusCode.Forbidden, AuthProblems.Forbidden);
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, AuthProblems.Unauthorized);
    }

    [Fact]
    public async Task Accounts_are_searched_and_paged()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (var index = 0; index < 3; index++)
        {
            await Auth.RegisterAndVerifyAsync($"{marker}-{index}@example.com");
        }

        var page = await GetJsonAsync($"/api/auth/users?q={marker.ToUpperInvariant()}&page=2&pageSize=2", await Auth.AdminAccessTokenAsync());
        using var tooLarge = await Auth.CreateClient(await Auth.AdminAccessTokenAsync()).GetAsync("/api/auth/users?pageSize=1000", Cancellation);

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal($"{marker}-2@example.com", item.GetProperty("email").GetString());
        Assert.False(item.TryGetProperty("passwordHash", out _));
        await AssertProblemAsync(tooLarge, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_refresh_or_use_its_tokens_until_enabled()
    {
        var account = await Auth.CreateAccountAsync();

        await Auth.DisableUserAsync(account.Id);
        using var login = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password });
        using var refresh = await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken });
        using var me = await Auth.CreateClient(account.AccessToken).GetAsync("/api/auth/me", Cancellation);
        using var wrongPassword = await PostAsync("/api/auth/login", new { email = account.Email, password = "not-the-password-1" });

        await AssertProblemAsync(login, HttpStatusCode.Forbidden, AuthProblems.AccountDisabled);
        await AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await AssertProblemAsync(wrongPassword, HttpStatusCode.Unauthorized, AuthProblems.InvalidCredentials);

        await Auth.EnableUserAsync(account.Id);
        await Auth.LoginAsync(account.Email, account.Password);
        var audit = await Auth.Services.GetRequiredService<IAuditStore>().ListForUserAsync(account.Id, 20, Cancellation);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.AccountDisabled);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.AccountEnabled);
    }
}
