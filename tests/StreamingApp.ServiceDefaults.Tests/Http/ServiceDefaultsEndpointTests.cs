using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace StreamingApp.ServiceDefaults.Tests.Http;

/// <summary>The defaults every service inherits, exercised on a real Kestrel server on 127.0.0.1.</summary>
public sealed class ServiceDefaultsEndpointTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy("SQLite schema version 3"));

        _app = builder.Build();
        _app.UseServiceDefaults();
        _app.MapDefaultEndpoints();
        _app.MapGet("/boom", string () => throw new InvalidOperationException("Internal detail that must not leak"));
        _app.MapGet("/client-ip", (HttpContext context) => context.Connection.RemoteIpAddress?.ToString());
        await _app.StartAsync(Cancellation);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task Health_shows_dependency_details_to_local_callers()
    {
        var health = await Client.GetFromJsonAsync<JsonElement>("/health", Cancellation);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("SQLite schema version 3", health.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Health_shows_only_the_status_to_remote_callers_behind_a_trusted_proxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await Client.SendAsync(request, Cancellation);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.False(health.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Liveness_ignores_dependencies()
    {
        var alive = await Client.GetFromJsonAsync<JsonElement>("/alive", Cancellation);

        Assert.Equal(["self"], alive.GetProperty("checks").EnumerateObject().Select(check => check.Name));
    }

    [Fact]
    public async Task Forwarded_client_addresses_are_trusted_only_from_known_proxies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/client-ip");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");

        Assert.Equal("198.51.100.20", await (await Client.SendAsync(request, Cancellation)).Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Metrics_expose_the_standard_aspnetcore_instruments_in_prometheus_format()
    {
        await Client.GetAsync("/alive", Cancellation);

        var metrics = await Client.GetStringAsync("/metrics", Cancellation);

        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unhandled_errors_become_problem_details_without_internals()
    {
        using var response = await Client.GetAsync("/boom", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"traceId\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal detail", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_routes_answer_404_as_problem_details_with_safe_headers()
    {
        using var response = await Client.GetAsync("/nowhere", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
