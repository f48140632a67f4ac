using System.Net;

namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>Where the token issuer lives: <c>Auth:Authority</c>, or StreamingApp.Auth through service discovery.</summary>
public sealed class TokenAuthority(Uri uri)
{
    public const string HttpClientName = "token-authority";

    public Uri Uri => uri;

    /// <summary>TLS is assumed everywhere but on the machine itself.</summary>
    public bool IsLoopback => uri.IsLoopback || IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address);

    public static TokenAuthority? Resolve(IConfiguration configuration, TokenAuthenticationOptions options)
    {
        var value = options.Authority is { Length: > 0 } configured
            ? configured
            : configuration["services:auth:https:0"] ?? configuration["services:auth:http:0"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new TokenAuthority(uri)
            : throw new InvalidOperationException($"The token authority '{value}' is not an absolute http(s) URL; check Auth:Authority or services:auth.");
    }
}
