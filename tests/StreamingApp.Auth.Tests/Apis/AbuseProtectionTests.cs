using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using StreamingApp.Auth.Apis;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class AbuseProtectionTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var account = await Auth.CreateAccountAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await PostAsync("/api/auth/login", new { email = account.Email, password = "wrong-password-123" });
            await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, AuthProblems.InvalidCredentials);
        }

        using var locked = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password });

        await AssertProblemAsync(locked, HttpStatusCode.TooManyRequests, AuthProblems.TooManyRequestsType);
        var retryAfter = int.Parse(locked.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 14 * 60, 15 * 60);

        await Auth.EnableUserAsync(account.Id);
        await Auth.LoginAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task Unknown_emails_lock_out_the_same_way()
    {
        var email = NewEmail();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await PostAsync("/api/auth/login", new { email, password = "wrong-password-123" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Sign_ins_and_their_failures_are_counted_in_the_metrics()
    {
        await Auth.CreateAccountAsync();
        using var wrong = await PostAsync("/api/auth/login", new { email = NewEmail(), password = "wrong-password-123" });

        var metrics = await Auth.Client.GetStringAsync("/metrics", Cancellation);

        Assert.Contains("auth_login_failures_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("reason=\"bad-credentials\"", metrics, StringComparison.Ordinal);
        Assert.Contains("auth_registrations_total", metrics, StringComparison.Ordinal);
        Assert.Contains("auth_logins_total", metrics, StringComparison.Ordinal);
    }
}

/// <summary>A service with the low limits of a real deployment, so they can be reached.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private AuthServer? _auth;

    private AuthServer Auth => _auth!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _auth = await AuthServer.StartAsync(new Dictionary<string, string?>
    {
        ["Auth:RateLimits:Login:PermitsPerIp"] = "3",
        ["Auth:RateLimits:Login:Window"] = "00:10:00",
        ["Auth:RateLimits:ForgotPassword:PermitsPerAccount"] = "2",
        ["Auth:RateLimits:ForgotPassword:Window"] = "00:10:00",
        // Trust the test as a proxy, so each test can speak for a client address of its own.
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    });

    public async ValueTask DisposeAsync() => await Auth.DisposeAsync();

    [Fact]
    public async Task A_client_address_that_tries_too_often_gets_429_with_retry_after()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await LoginFromAsync("198.51.100.7", $"someone-{attempt}@example.com");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var otherClient = await LoginFromAsync("198.51.100.8", "someone@example.com");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
    }

    [Fact]
    public async Task One_email_gets_a_limited_number_of_reset_mails_from_any_address()
    {
        var email = $"target-{Guid.NewGuid():N}@example.com";
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/forgot-password") { Content = JsonContent.Create(new { email }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            using var response = await Auth.Client.SendAsync(request, Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task<HttpResponseMessage> LoginFromAsync(string address, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email, password = "wrong-password-123" }),
        };
        request.Headers.Add("X-Forwarded-For", address);
        return await Auth.Client.SendAsync(request, Cancellation);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}

/// <summary>
/// Runs alone: response times are compared, and other tests running beside it would blur them. Hashing costs what it
/// costs in production (tens of milliseconds), as the decoy check is what makes unknown emails as slow as known ones.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class EnumerationResistanceTests : IAsyncLifetime
{
    private const int Attempts = 9;

    private AuthServer? _auth;

    private AuthServer Auth => _auth!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _auth = await AuthServer.StartAsync(new Dictionary<string, string?> { ["Auth:Passwords:IterationCount"] = "60000" });

    public async ValueTask DisposeAsync() => await Auth.DisposeAsync();

    [Fact]
    public async Task Unknown_and_known_emails_get_the_same_status_in_similar_time()
    {
        var account = await Auth.CreateAccountAsync();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // Alternating, and with a fresh account after four failures so the known side never reaches the lockout.
            var email = attempt < 4 ? account.Email : (await Auth.CreateAccountAsync()).Email;
            known.Add(await TimeLoginAsync(email));
            unknown.Add(await TimeLoginAsync($"nobody-{Guid.NewGuid():N}@example.com"));
        }

        var ratio = Median(unknown) / Median(known);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    private async Task<double> TimeLoginAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await Auth.Client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" }, Cancellation);
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
