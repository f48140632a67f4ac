using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace StreamingApp.Auth.Apis;

/// <summary>
/// Every error Auth answers is a ProblemDetails whose <c>type</c> is one of these stable URIs, so clients branch on
/// the type, not on the wording. Texts stay generic: they never say whether an account exists.
/// </summary>
public static class AuthProblems
{
    public const string BaseUri = "https://streamingapp.dev/problems/";

    public const string InvalidRequest = BaseUri + "invalid-request";
    public const string EmailTaken = BaseUri + "email-taken";
    public const string InvalidCredentials = BaseUri + "invalid-credentials";
    public const string EmailNotVerified = BaseUri + "email-not-verified";
    public const string TotpRequired = BaseUri + "totp-required";
    public const string AccountDisabled = BaseUri + "account-disabled";
    public const string TooManyRequestsType = BaseUri + "too-many-requests";
    public const string InvalidToken = BaseUri + "invalid-token";
    public const string InvalidRefreshToken = BaseUri + "invalid-refresh-token";
    public const string InvalidCode = BaseUri + "invalid-code";
    public const string TotpAlreadyEnabled = BaseUri + "totp-already-enabled";
    public const string TotpNotEnabled = BaseUri + "totp-not-enabled";
    public const string TotpNotSetUp = BaseUri + "totp-not-set-up";
    public const string CannotChangeOwnAccount = BaseUri + "cannot-change-own-account";
    public const string Unauthorized = BaseUri + "unauthorized";
    public const string Forbidden = BaseUri + "forbidden";
    public const string NotFound = BaseUri + "not-found";
    public const string Conflict = BaseUri + "conflict";
    public const string PayloadTooLarge = BaseUri + "payload-too-large";
    public const string UnsupportedMediaType = BaseUri + "unsupported-media-type";
    public const string MethodNotAllowed = BaseUri + "method-not-allowed";
    public const string ServerError = BaseUri + "server-error";

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.", type: InvalidRequest);

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    public static ProblemHttpResult BadCredentials() =>
        Problem(StatusCodes.Status401Unauthorized, InvalidCredentials, "The email, password or code is not correct.");

    /// <summary>429 with <c>Retry-After</c> in whole seconds (rounded up).</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, TooManyRequestsType, "Too many attempts.", $"Try again in {seconds} seconds.");
    }

    /// <summary>
    /// Gives errors raised outside the handlers (malformed JSON, a body over the size limit, a missing or bad bearer
    /// token, an unhandled exception) a stable type too.
    /// </summary>
    public static void AssignType(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Type is not null && details.Type.StartsWith(BaseUri, StringComparison.Ordinal))
        {
            return;
        }

        details.Type = details.Status switch
        {
            StatusCodes.Status400BadRequest => InvalidRequest,
            StatusCodes.Status401Unauthorized => Unauthorized,
            StatusCodes.Status403Forbidden => Forbidden,
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
            StatusCodes.Status409Conflict => Conflict,
            StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => TooManyRequestsType,
            >= 500 => ServerError,
            _ => details.Type,
        };
    }
}

/// <summary>Turns <see cref="ProblemDetails"/> options into a chain: the service defaults' customization, then the stable types.</summary>
internal static class ProblemDetailsChain
{
    public static void AddStableProblemTypes(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                AuthProblems.AssignType(context);
            };
        });
}
