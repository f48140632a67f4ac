using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Apis;

/// <summary>Errors with a stable <c>type</c> that clients can switch on.</summary>
public static class Problems
{
    public const string TypeBase = "https://streamingapp.dev/problems/";

    public static ProblemHttpResult NotFound(string what = "video") =>
        Problem(StatusCodes.Status404NotFound, "not-found", $"The {what} does not exist or is not visible to you.");

    public static ProblemHttpResult UnavailableInRegion(string? country) =>
        Problem(StatusCodes.Status451UnavailableForLegalReasons, "unavailable-in-region",
            "This video is not available in your country.", country is null ? null : $"Not licensed for {country}.");

    public static ProblemHttpResult NotReady(VideoStatus status) =>
        Problem(StatusCodes.Status409Conflict, "not-ready", "The video is not ready to play yet.", $"Its status is {DocumentJson.EnumText(status)}.");

    public static ProblemHttpResult Conflict(string slug, string title, string? detail = null) =>
        Problem(StatusCodes.Status409Conflict, slug, title, detail);

    public static ProblemHttpResult Forbidden(string title) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", title);

    /// <summary>A refused party action, with the same code its hub error event carries.</summary>
    public static ProblemHttpResult Party(Parties.PartyError error) => Problem(error.Status, error.Code, error.Message);

    public static ProblemHttpResult Problem(int status, string slug, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + slug);
}
