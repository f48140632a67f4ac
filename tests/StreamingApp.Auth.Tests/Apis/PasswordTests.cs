using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Audit;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class PasswordTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    private const string NewPassword = "another-long-password-7";

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_every_session_ends()
    {
        var account = await Auth.CreateAccountAsync();

        using var forgot = await PostAsync("/api/auth/forgot-password", new { email = account.Email });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var token = await Auth.WaitForLinkTokenAsync(account.Email, "/account/reset-password");

        using var weak = await PostAsync("/api/auth/reset-password", new { token, newPassword = "1234567890" });
        await AssertProblemAsync(weak, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);

        using var reset = await PostAsync("/api/auth/reset-password", new { token, newPassword = NewPassword });
        using var again = await PostAsync("/api/auth/reset-password", new { token, newPassword = NewPassword + "x" });
        using var oldPassword = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password });
        using var oldRefresh = await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken });
        using var oldAccess = await Auth.CreateClient(account.AccessToken).GetAsync("/api/auth/me", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.BadRequest, AuthProblems.InvalidToken);
        await AssertProblemAsync(oldPassword, HttpStatusCode.Unauthorized, AuthProblems.InvalidCredentials);
        await AssertProblemAsync(oldRefresh, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAccess.StatusCode);
        await ReadTokensAsync(await PostAsync("/api/auth/login", new { email = account.Email, password = NewPassword }));
        var audit = await Auth.Services.GetRequiredService<IAuditStore>().ListForUserAsync(account.Id, 20, Cancellation);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.PasswordReset);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_emails_and_sends_nothing()
    {
        var email = NewEmail();

        using var response = await PostAsync("/api/auth/forgot-password", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Task.Delay(300, Cancellation);
        Assert.Empty(Auth.MailsTo(email));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var account = await Auth.CreateAccountAsync();
        var other = await Auth.LoginAsync(account.Email, account.Password);

        using var wrong = await PostAsync("/api/auth/change-password", new { currentPassword = "not-the-password", newPassword = NewPassword }, account.AccessToken);
        using var changed = await PostAsync("/api/auth/change-password", new { currentPassword = account.Password, newPassword = NewPassword }, account.AccessToken);
        using var thisSession = await PostAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken });
        using var otherSession = await PostAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken });

        await AssertProblemAsync(wrong, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thisSession.StatusCode);
        await AssertProblemAsync(otherSession, HttpStatusCode.Unauthorized, AuthProblems.InvalidRefreshToken);
        await Auth.LoginAsync(account.Email, NewPassword);
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_is_upgraded_at_sign_in()
    {
        var account = await Auth.CreateAccountAsync();
        var users = Auth.Services.GetRequiredService<IUserStore>();
        var user = (await users.GetAsync(account.Id, Cancellation))!;
        var weaker = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100 })).HashPassword(user, account.Password);
        await users.UpdateAsync(user with { PasswordHash = weaker }, Cancellation);

        await Auth.LoginAsync(account.Email, account.Password);

        var stored = (await users.GetAsync(account.Id, Cancellation))!;
        Assert.Equal(100, Iterations(weaker));
        Assert.Equal(1000, Iterations(stored.PasswordHash));
        await Auth.LoginAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task The_display_name_can_be_changed()
    {
        var account = await Auth.CreateAccountAsync();
        using var client = Auth.CreateClient(account.AccessToken);

        using var response = await client.PatchAsync("/api/auth/me", System.Net.Http.Json.JsonContent.Create(new { displayName = "Renamed" }), Cancellation);
        using var empty = await client.PatchAsync("/api/auth/me", System.Net.Http.Json.JsonContent.Create(new { displayName = " " }), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed", (await GetJsonAsync("/api/auth/me", account.AccessToken)).GetProperty("displayName").GetString());
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
    }

    /// <summary>Identity's v3 format: marker, PRF, iteration count (big-endian), salt length, salt, subkey.</summary>
    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));
}
