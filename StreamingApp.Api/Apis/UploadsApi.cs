using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;
using StreamingApp.Api.Access;
using StreamingApp.Api.Uploads;

namespace StreamingApp.Api.Apis;

public static class UploadsApi
{
    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"/api/videos/{{id:{VideosApi.IdPattern}}}").WithTags("Uploads").RequireAuthorization();

        api.MapPut("/source", UploadSource)
            .WithName(nameof(UploadSource))
            .WithSummary("Upload the video's source as a streamed request body (any storage provider)")
            .WithDescription("The body is the file itself with a video Content-Type. It is checked with ffprobe before it is kept.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts, which would answer other types with a bare 415 before the handler explains.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = SourceContentTypes.Accepted.Split(", ").ToDictionary(type => type, _ => new OpenApiMediaType()),
                };
                return Task.CompletedTask;
            })
            .DisableAntiforgery();

        api.MapPost("/uploads", StartDirectUpload)
            .WithName(nameof(StartDirectUpload))
            .WithSummary("Start a resumable upload straight to S3: presigned URLs, one per part");

        api.MapGet("/uploads/{uploadId:length(1,1024)}", GetDirectUpload)
            .WithName(nameof(GetDirectUpload))
            .WithSummary("Parts already received and fresh URLs for the rest, to resume an upload");

        api.MapPost("/uploads/{uploadId:length(1,1024)}/complete", CompleteDirectUpload)
            .WithName(nameof(CompleteDirectUpload))
            .WithSummary("Assemble the uploaded parts and start processing");

        api.MapDelete("/uploads/{uploadId:length(1,1024)}", AbortDirectUpload)
            .WithName(nameof(AbortDirectUpload))
            .WithSummary("Abandon a direct upload and discard its parts");

        return api;
    }

    public static async Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> UploadSource(
        string id, [AsParameters] UploadServices services, ClaimsPrincipal principal, HttpContext context)
    {
        var video = await services.Videos.GetAsync(id, context.RequestAborted);
        if (video is null || !ApiUser.From(principal).CanManage(video))
        {
            return Problems.NotFound();
        }

        if (!DirectUploads.CanTakeSource(video))
        {
            return SourceExists();
        }

        if (SourceContentTypes.Normalize(context.Request.ContentType) is not { } contentType)
        {
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Only video files can be uploaded.", $"Send the file with one of these Content-Types: {SourceContentTypes.Accepted}.");
        }

        if (context.Request.ContentLength > services.Intake.MaxUploadBytes)
        {
            return TooLarge(services.Intake.MaxUploadBytes);
        }

        // The global body limit protects JSON endpoints; this one streams up to the upload limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = services.Intake.MaxUploadBytes + 1;
        }

        var result = await services.Intake.ReceiveStreamAsync(video, context.Request.Body, contentType, context.RequestAborted);
        return result.Outcome == IntakeOutcome.Accepted ? Accepted(id, result) : Refusal(result);
    }

    public static async Task<Results<Created<DirectUploadResponse>, ValidationProblem, ProblemHttpResult>> StartDirectUpload(
        string id, StartDirectUploadRequest request, [AsParameters] UploadServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var video = await services.Videos.GetAsync(id, cancellationToken);
        if (video is null || !ApiUser.From(principal).CanManage(video))
        {
            return Problems.NotFound();
        }

        if (!services.Direct.IsAvailable)
        {
            return Problems.Conflict("direct-upload-unavailable", "Direct uploads need S3 storage; upload to /source instead.");
        }

        if (request.Validate(services.Intake.MaxUploadBytes) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!DirectUploads.CanTakeSource(video))
        {
            return SourceExists();
        }

        var started = await services.Direct.StartAsync(video, SourceContentTypes.Normalize(request.ContentType)!, request.SizeBytes, cancellationToken);
        return started is null
            ? SourceExists()
            : TypedResults.Created($"/api/videos/{id}/uploads/{Uri.EscapeDataString(started.UploadId)}", started);
    }

    public static async Task<Results<Ok<DirectUploadStatus>, ProblemHttpResult>> GetDirectUpload(
        string id, string uploadId, [AsParameters] UploadServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (video, upload) = await FindUploadAsync(id, uploadId, services, principal, cancellationToken);
        if (upload is null || await services.Direct.StatusAsync(upload, cancellationToken) is not { } status)
        {
            return Problems.NotFound("upload");
        }

        return TypedResults.Ok(status);
    }

    public static async Task<Results<Accepted<UploadAccepted>, ValidationProblem, ProblemHttpResult>> CompleteDirectUpload(
        string id, string uploadId, CompleteDirectUploadRequest request, [AsParameters] UploadServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (video, upload) = await FindUploadAsync(id, uploadId, services, principal, cancellationToken);
        if (video is null || upload is null)
        {
            return Problems.NotFound("upload");
        }

        if (request.Validate(DirectUploads.PartCount(upload.SizeBytes, upload.PartSize)) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await services.Direct.CompleteAsync(upload, request.Parts!, cancellationToken))
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "invalid-parts",
                "Storage refused to assemble these parts.", "Check the part numbers and ETags, or resume the upload to send the missing parts.");
        }

        var result = await services.Intake.ReceiveStoredAsync(video, upload, await services.Direct.ProbeUrlAsync(upload), cancellationToken);
        return result.Outcome == IntakeOutcome.Accepted ? Accepted(id, result) : Refusal(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> AbortDirectUpload(
        string id, string uploadId, [AsParameters] UploadServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (video, upload) = await FindUploadAsync(id, uploadId, services, principal, cancellationToken);
        if (video is null || upload is null)
        {
            return Problems.NotFound("upload");
        }

        await services.Direct.AbortAsync(video, upload, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(Video? Video, DirectUpload? Upload)> FindUploadAsync(
        string id, string uploadId, UploadServices services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var video = await services.Videos.GetAsync(id, cancellationToken);
        return video is not null && ApiUser.From(principal).CanManage(video) && video.PendingUpload?.UploadId == uploadId
            ? (video, video.PendingUpload)
            : (null, null);
    }

    private static Accepted<UploadAccepted> Accepted(string id, IntakeResult result) =>
        TypedResults.Accepted($"/api/videos/{id}", new UploadAccepted(id, result.Video!.Status));

    private static ProblemHttpResult Refusal(IntakeResult result) => result.Outcome switch
    {
        IntakeOutcome.TooLarge => TooLarge(null, result.Problem),
        IntakeOutcome.Conflict => SourceExists(),
        _ => Problems.Problem(StatusCodes.Status422UnprocessableEntity, "unusable-video", "This file cannot be used as a video.", result.Problem),
    };

    private static ProblemHttpResult SourceExists() =>
        Problems.Conflict("source-exists", "This video already has a source or an upload in progress.");

    private static ProblemHttpResult TooLarge(long? limit, string? detail = null) =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "The file is too large.",
            detail ?? $"Sources are limited to {limit} bytes.");
}

public sealed class UploadServices(IVideoStore videos, SourceIntake intake, DirectUploads direct)
{
    public IVideoStore Videos => videos;

    public SourceIntake Intake => intake;

    public DirectUploads Direct => direct;
}
