using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Auth.Apis;
using StreamingApp.Auth.Audit;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class RegistrationTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task Register_verify_through_the_mailed_link_sign_in_and_read_the_profile()
    {
        var email = NewEmail();

        using var registered = await PostAsync("/api/auth/register", new { email, password = AuthServer.Password, displayName = "  Ada  " });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var account = await registered.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Ada", account.GetProperty("displayName").GetString());
        Assert.False(account.GetProperty("emailVerified").GetBoolean());

        using var early = await PostAsync("/api/auth/login", new { email, password = AuthServer.Password });
        await AssertProblemAsync(early, HttpStatusCode.Forbidden, AuthProblems.EmailNotVerified);

        var mail = Assert.Single(Auth.MailsTo(email));
        Assert.Contains("http://frontend.test/account/verify-email?token=", mail.TextBody, StringComparison.Ordinal);
        var token = await Auth.WaitForLinkTokenAsync(email, "/account/verify-email");
        using var verified = await PostAsync("/api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);

        var tokens = await ReadTokensAsync(await PostAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password = AuthServer.Password }));
        Assert.Equal(900, tokens.ExpiresIn);
        var me = await GetJsonAsync("/api/auth/me", tokens.AccessToken);
        Assert.Equal(account.GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal([AppRoles.Viewer], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
        Assert.False(me.GetProperty("totpEnabled").GetBoolean());

        var audit = await Auth.Services.GetRequiredService<IAuditStore>().ListForUserAsync(me.GetProperty("id").GetString()!, 10, Cancellation);
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.SignInSucceeded && auditEvent.IpAddress == "127.0.0.1");
        Assert.Contains(audit, auditEvent => auditEvent.Type == AuditEventTypes.Registered);
    }

    [Fact]
    public async Task A_verification_link_works_once()
    {
        var email = NewEmail();
        (await PostAsync("/api/auth/register", new { email, password = AuthServer.Password, displayName = "Once" })).Dispose();
        var token = await Auth.WaitForLinkTokenAsync(email, "/account/verify-email");

        using var first = await PostAsync("/api/auth/verify-email", new { token });
        using var second = await PostAsync("/api/auth/verify-email", new { token });
        using var made_up = await PostAsync("/api/auth/verify-email", new { token = "not-a-real-token" });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.BadRequest, AuthProblems.InvalidToken);
        await AssertProblemAsync(made_up, HttpStatusCode.BadRequest, AuthProblems.InvalidToken);
    }

    [Fact]
    public async Task An_email_is_registered_once_in_any_case()
    {
        var email = NewEmail();
        (await PostAsync("/api/auth/register", new { email, password = AuthServer.Password, displayName = "First" })).Dispose();

        using var again = await PostAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = AuthServer.Password, displayName = "Second" });

        await AssertProblemAsync(again, HttpStatusCode.Conflict, AuthProblems.EmailTaken);
    }

    [Theory]
    [InlineData("short-pw1", "password")]
    [InlineData("password123", "password")]
    [InlineData("QWERTYUIOP", "password")]
    public async Task Weak_passwords_are_refused_with_the_reason(string password, string field)
    {
        using var response = await PostAsync("/api/auth/register", new { email = NewEmail(), password, displayName = "Weak" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_email_or_its_local_part_is_not_a_password()
    {
        using var whole = await PostAsync("/api/auth/register", new { email = "longusername@example.com", password = "LongUserName@Example.com", displayName = "X" });
        using var local = await PostAsync("/api/auth/register", new { email = "longusername@example.com", password = "LONGUSERNAME", displayName = "X" });

        await AssertProblemAsync(whole, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        await AssertProblemAsync(local, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
    }

    [Fact]
    public async Task A_new_verification_link_can_be_requested_and_unknown_emails_get_the_same_answer()
    {
        var email = NewEmail();
        (await PostAsync("/api/auth/register", new { email, password = AuthServer.Password, displayName = "Again" })).Dispose();
        await Auth.WaitForLinkTokenAsync(email, "/account/verify-email");

        using var known = await PostAsync("/api/auth/resend-verification", new { email });
        using var unknown = await PostAsync("/api/auth/resend-verification", new { email = NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var second = await Auth.WaitForLinkTokenAsync(email, "/account/verify-email", index: 1);
        using var verified = await PostAsync("/api/auth/verify-email", new { token = second });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
    }
}
