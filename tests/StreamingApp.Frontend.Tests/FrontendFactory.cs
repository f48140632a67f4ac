using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StreamingApp.Frontend.Tests.Authentication;
using StreamingApp.TestSupport;

namespace StreamingApp.Frontend.Tests;

/// <summary>
/// The web UI in-process, with Auth answered by a stub and access tokens from a test issuer, so sessions, the proxy's
/// rules and the security headers can be checked over HTTP.
/// </summary>
public sealed partial class FrontendFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new("frontend");

    internal TestTokenIssuer Issuer { get; } = new();

    internal StubHttpHandler Auth { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DataDirectory", _data.Path);
        builder.UseSetting("services:auth:http:0", "http://auth.test");
        builder.UseSetting("services:api:http:0", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(Issuer.ConfigurationManager());
            services.AddHttpClient<AuthClient>().ConfigurePrimaryHttpMessageHandler(() => Auth);
        });
    }

    /// <summary>Signs in through the real sign-in form and returns a client holding the session cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles)
    {
        Auth.Answer("/api/auth/login", HttpStatusCode.OK, TestData.Json(new TokenResponse(Issuer.Token("u1", roles), "refresh-1", 900, "Bearer")));
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = AntiforgeryToken(await client.GetStringAsync("/account/login"));
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Model.Email"] = "u1@example.com",
            ["Model.Password"] = "correct horse battery",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string AntiforgeryToken(string html) => HiddenToken().Match(html).Groups[1].Value;

    public static string MetaToken(string html) => MetaCsrf().Match(html).Groups[1].Value;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaCsrf();
}
