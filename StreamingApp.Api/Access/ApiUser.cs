using System.Security.Claims;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.Api.Access;

/// <summary>Who is calling, as the access token says: the subject and the roles that grant rights here.</summary>
public sealed record ApiUser(string? Id, bool IsAdmin, bool IsCreator)
{
    public static readonly ApiUser Anonymous = new(null, false, false);

    public bool IsAuthenticated => Id is not null;

    public static ApiUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || id is null)
        {
            return Anonymous;
        }

        var isAdmin = principal.IsInRole(AppRoles.Admin);
        return new ApiUser(id, isAdmin, isAdmin || principal.IsInRole(AppRoles.Creator));
    }
}

/// <summary>The access rules for videos, in one place for every endpoint.</summary>
public static class VideoAccess
{
    /// <summary>Owners and admins manage a video: edit, delete, upload, see it in any status.</summary>
    public static bool CanManage(this ApiUser user, Video video) => user.IsAdmin || user.Id is not null && user.Id == video.OwnerId;

    /// <summary>Others see a ready video that is public or unlisted (unlisted: by its link only, never in listings).</summary>
    public static bool CanSee(this ApiUser user, Video video) =>
        user.CanManage(video) || video.Status == VideoStatus.Ready && video.Visibility is Visibility.Public or Visibility.Unlisted;
}
