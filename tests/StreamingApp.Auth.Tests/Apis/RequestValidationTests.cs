using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StreamingApp.Auth.Apis;

namespace StreamingApp.Auth.Tests.Apis;

/// <summary>Malformed and oversized input gets a 400 ProblemDetails and changes nothing.</summary>
public sealed class RequestValidationTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    public static TheoryData<string, string, string> OversizedRegistrations => new()
    {
        { new string('a', 250) + "@example.com", AuthServer.Password, "email" },
        { "ok@example.com", AuthServer.Password, "displayName-long" },
        { "ok@example.com", new string('p', 257), "password" },
        { "not-an-email", AuthServer.Password, "email" },
        { "Name <name@example.com>", AuthServer.Password, "email" },
    };

    [Theory]
    [MemberData(nameof(OversizedRegistrations))]
    public async Task Oversized_or_malformed_registrations_are_refused_and_nothing_is_written(string email, string password, string field)
    {
        var displayName = field == "displayName-long" ? new string('n', 101) : "Name";
        var before = await UserCountAsync();

        using var response = await PostAsync("/api/auth/register", new { email, password, displayName });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field.Split('-')[0], out _));
        Assert.Equal(before, await UserCountAsync());
        Assert.Empty(Auth.MailsTo(email));
    }

    [Theory]
    [InlineData("/api/auth/register", "{\"email\": \"a@example.com\", ")]
    [InlineData("/api/auth/login", "[1, 2, 3]")]
    [InlineData("/api/auth/login", "{\"email\": 42, \"password\": true}")]
    [InlineData("/api/auth/refresh", "")]
    [InlineData("/api/auth/verify-email", "null")]
    public async Task Malformed_json_gets_a_400_problem(string path, string body)
    {
        var before = await UserCountAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Auth.Client.PostAsync(path, content, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        Assert.Equal(before, await UserCountAsync());
    }

    [Theory]
    [InlineData("/api/auth/verify-email", "token")]
    [InlineData("/api/auth/refresh", "refreshToken")]
    [InlineData("/api/auth/logout", "refreshToken")]
    public async Task Overlong_tokens_are_refused(string path, string field)
    {
        using var response = await PostAsync(path, new Dictionary<string, string> { [field] = new string('t', 129) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Overlong_sign_in_fields_are_refused_before_any_check()
    {
        using var password = await PostAsync("/api/auth/login", new { email = "a@example.com", password = new string('p', 257) });
        using var code = await PostAsync("/api/auth/login", new { email = "a@example.com", password = "whatever-password", totpCode = new string('1', 33) });
        using var reset = await PostAsync("/api/auth/reset-password", new { token = "t", newPassword = new string('p', 257) });

        await AssertProblemAsync(password, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        await AssertProblemAsync(code, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
        await AssertProblemAsync(reset, HttpStatusCode.BadRequest, AuthProblems.InvalidRequest);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var before = await UserCountAsync();
        using var content = new StringContent($"{{\"email\":\"a@example.com\",\"password\":\"{new string('p', 100_000)}\",\"displayName\":\"x\"}}", Encoding.UTF8, "application/json");

        using var response = await Auth.Client.PostAsync("/api/auth/register", content, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, AuthProblems.PayloadTooLarge);
        Assert.Equal(before, await UserCountAsync());
    }

    private async Task<long> UserCountAsync() => (await Auth.Services.GetRequiredService<IUserStore>().SearchAsync(null, 1, 1, Cancellation)).Total;
}
