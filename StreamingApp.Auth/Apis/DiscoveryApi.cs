using System.Buffers.Text;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using StreamingApp.Auth.Security;
using StreamingApp.Auth.Sessions;
using StreamingApp.Auth.SigningKeys;

namespace StreamingApp.Auth.Apis;

/// <summary>
/// OpenID Connect discovery and the JWKS, which is all a validating service needs (any standard JWT bearer handler),
/// and the revocation feed the StreamingApp services poll.
/// </summary>
public static class DiscoveryApi
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>Validators re-read these within minutes; new keys are published a day before they sign.</summary>
    private const string CacheControl = "public, max-age=300";

    /// <summary>Largest page of the revocation feed.</summary>
    public const int MaxRevocations = 5000;

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(DiscoveryPath, GetOpenIdConfiguration)
            .WithName(nameof(GetOpenIdConfiguration))
            .WithTags("Discovery")
            .WithSummary("OpenID Connect discovery document")
            .WithDescription("Issuer, JWKS location, signing algorithms and claims of the access tokens.");

        app.MapGet(JwksPath, GetJsonWebKeySet)
            .WithName(nameof(GetJsonWebKeySet))
            .WithTags("Discovery")
            .WithSummary("Public signing keys (JWKS)")
            .WithDescription("The active key, its published successor, and retired keys until every token they signed has expired.");

        app.MapGet(RevocationFeed.Path, GetRevocations)
            .WithName(nameof(GetRevocations))
            .WithTags("Discovery")
            .WithSummary("Revoked subjects, for the services' token validation")
            .WithDescription($"Subjects whose access tokens issued before notBefore are refused. Needs the {RevocationFeed.SecretHeader} header when Auth:Revocations:Secret is set; otherwise answers loopback callers only.");

        return app;
    }

    public static Ok<OpenIdConfiguration> GetOpenIdConfiguration(HttpContext context, TokenIssuer issuer)
    {
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(new OpenIdConfiguration(
            issuer.Issuer,
            baseUrl + JwksPath,
            ["token"],
            ["public"],
            [SigningKeyRing.Algorithm],
            ["sub", "email", "name", "role", "sid", "iss", "aud", "jti", "iat", "nbf", "exp"],
            baseUrl + RevocationFeed.Path));
    }

    public static async Task<Ok<JsonWebKeySet>> GetJsonWebKeySet(HttpContext context, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = CacheControl;
        var published = await keys.GetPublishedKeysAsync(cancellationToken);
        return TypedResults.Ok(new JsonWebKeySet(published.Select(key =>
        {
            var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
            return new EllipticCurveKey("EC", "sig", SigningKeyRing.Algorithm, key.KeyId, "P-256", Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y));
        }).ToList()));
    }

    public static async Task<Results<Ok<RevocationFeedPage>, ProblemHttpResult>> GetRevocations(
        DateTimeOffset? since,
        HttpContext context,
        IUserStore users,
        TokenIssuer issuer,
        IOptions<TokenAuthenticationOptions> tokenOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!MayReadFeed(context, tokenOptions.Value.Revocations.Secret))
        {
            return AuthProblems.Problem(StatusCodes.Status403Forbidden, AuthProblems.Forbidden, "The revocation feed is for StreamingApp services.");
        }

        var now = time.GetUtcNow();
        // Older revocations do not matter: every token issued before them has expired.
        var window = issuer.AccessTokenLifetime + tokenOptions.Value.ClockSkew;
        var from = since is { } value && value > now - window ? value : now - window;
        var revoked = await users.ListRevokedSinceAsync(from, MaxRevocations + 1, cancellationToken);
        var items = revoked.Take(MaxRevocations).Select(user => new RevokedSubject(user.Id, user.TokensValidAfter!.Value)).ToList();
        var hasMore = revoked.Count > MaxRevocations;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RevocationFeedPage(items, hasMore ? items[^1].NotBefore : now, (int)Math.Ceiling(window.TotalSeconds), hasMore));
    }

    private static bool MayReadFeed(HttpContext context, string? secret) =>
        string.IsNullOrEmpty(secret)
            ? context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            : context.Request.Headers[RevocationFeed.SecretHeader].ToString() is { Length: > 0 } presented && SecretTokens.AreEqual(presented, secret);
}

public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported,
    [property: JsonPropertyName("streamingapp_revocation_feed")] string RevocationFeedEndpoint);

public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<EllipticCurveKey> Keys);

public sealed record EllipticCurveKey(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("crv")] string Curve,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y);
