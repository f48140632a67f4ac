using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// Runs on every request that carries the session cookie: renews the tokens shortly before the access token expires,
/// ends the session when Auth refuses to renew it, and makes the tokens available to the Api clients and the proxy.
/// </summary>
public sealed class SessionCookieEvents(TokenRefresher refresher, IOptions<SessionOptions> options, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (SessionTokens.From(context.Properties) is not { } tokens)
        {
            await EndAsync(context);
            return;
        }

        if (!tokens.ExpiresWithin(options.Value.RefreshBefore, time.GetUtcNow()))
        {
            context.HttpContext.Features.Set(new SessionTokensFeature(tokens));
            return;
        }

        switch (await refresher.RefreshAsync(tokens.RefreshToken, context.HttpContext.RequestAborted))
        {
            case RefreshOutcome.Renewed renewed:
                renewed.Tokens.StoreIn(context.Properties);
                context.ReplacePrincipal(renewed.User);
                context.ShouldRenew = true;
                context.HttpContext.Features.Set(new SessionTokensFeature(renewed.Tokens));
                break;
            case RefreshOutcome.Ended:
                await EndAsync(context);
                break;
            default:
                // Auth is unreachable: carry on with the current token; the Api refuses it once it has expired.
                context.HttpContext.Features.Set(new SessionTokensFeature(tokens));
                break;
        }
    }

    /// <summary>Browser script calls (the proxied Api routes) get a status code, not a sign-in page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        StatusOrRedirect(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        StatusOrRedirect(context, StatusCodes.Status403Forbidden);

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Proxy.ApiProxy.IsProxiedPath(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
