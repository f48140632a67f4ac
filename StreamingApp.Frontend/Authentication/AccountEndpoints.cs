using Microsoft.AspNetCore.Antiforgery;

namespace StreamingApp.Frontend.Authentication;

/// <summary>Sign-out buttons post here from any page (a form in the header), protected by the antiforgery token.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", (HttpContext context, AccountSessions sessions, IAntiforgery antiforgery) =>
            SignOutAsync(context, antiforgery, () => sessions.SignOutAsync(context, context.RequestAborted)));
        endpoints.MapPost("/account/logout-all", (HttpContext context, AccountSessions sessions, IAntiforgery antiforgery) =>
            SignOutAsync(context, antiforgery, () => sessions.SignOutEverywhereAsync(context, context.RequestAborted)))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, Func<Task> signOut)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired; reload the page and try again.",
                type: "https://streamingapp.dev/problems/antiforgery");
        }

        await signOut();
        return Results.Redirect("/?signedOut=1");
    }
}
