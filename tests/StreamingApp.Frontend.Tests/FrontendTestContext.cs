using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace StreamingApp.Frontend.Tests;

/// <summary>A bUnit context whose Api and Auth clients answer from one <see cref="StubHttpHandler"/>.</summary>
public abstract class FrontendTestContext : BunitContext
{
    internal StubHttpHandler Api { get; } = new();

    protected FrontendTestContext()
    {
        Services.AddSingleton(new CatalogClient(new HttpClient(Api) { BaseAddress = new Uri("http://api") }));
        Services.AddSingleton(new StudioClient(new HttpClient(Api) { BaseAddress = new Uri("http://api") }));
        Services.AddSingleton(new PartyClient(new HttpClient(Api) { BaseAddress = new Uri("http://api") }));
        Services.AddSingleton(new AuthClient(new HttpClient(Api) { BaseAddress = new Uri("http://auth") }));
    }

    /// <summary>Signs a user in for the rendered components, with the given roles.</summary>
    protected void SignIn(string name, params string[] roles)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(roles);
        authorization.SetClaims(new System.Security.Claims.Claim("sub", $"{name}-id"));
    }

    protected void Anonymous() => AddAuthorization().SetNotAuthorized();

    protected Task<AuthenticationState> CurrentUser => Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
}
