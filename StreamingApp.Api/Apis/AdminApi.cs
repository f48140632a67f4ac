using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Apis;

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);

        api.MapGet("/videos", ListAllVideos)
            .WithName(nameof(ListAllVideos))
            .WithSummary("Every video with its status and owner, optionally filtered by status or text");

        return api;
    }

    public static async Task<Results<Ok<PagedResponse<VideoDetails>>, ValidationProblem>> ListAllVideos(
        string? status, string? q, [AsParameters] PageRequest paging, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var errors = paging.Validate();
        VideoStatus? statusFilter = null;
        if (status is not null)
        {
            if (EnumNames.TryParse<VideoStatus>(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"Status is one of {EnumNames.List<VideoStatus>()}."];
            }
        }

        if (q is { Length: > CatalogRequest.MaxQueryLength })
        {
            errors["q"] = [$"Search text is limited to {CatalogRequest.MaxQueryLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await services.Videos.ListAllAsync(new AdminVideoQuery(q, statusFilter, paging.PageNumber, paging.Size), cancellationToken);
        return TypedResults.Ok(new PagedResponse<VideoDetails>(
            page.Items.Select(video => VideoDetails.From(video, services.Urls, withProcessing: true, availableHere: true)).ToList(),
            page.PageNumber, page.PageSize, page.Total));
    }
}
