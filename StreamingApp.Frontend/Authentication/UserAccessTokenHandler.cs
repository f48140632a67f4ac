using System.Net;
using System.Net.Http.Headers;

namespace StreamingApp.Frontend.Authentication;

/// <summary>
/// Sends the signed-in user's access token with every call the web UI makes to the Api or Auth on their behalf, and
/// tells the services who the viewer is (their address, for country rules). A 401 with a token means the session was
/// revoked elsewhere (signed out everywhere, account disabled).
/// </summary>
public sealed class UserAccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        var tokens = context?.GetSessionTokens();
        if (tokens is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        if (context is not null)
        {
            ViewerHeaders.CopyTo(context, request.Headers);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && tokens is not null)
        {
            response.Dispose();
            throw new SessionEndedException();
        }

        return response;
    }
}

/// <summary>The Api or Auth no longer accepts the session's access token.</summary>
public sealed class SessionEndedException() : Exception("The session is no longer valid.");
