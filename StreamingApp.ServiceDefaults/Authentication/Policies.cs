using Microsoft.AspNetCore.Authorization;

namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>Authorization policies every service can put on an endpoint with <c>RequireAuthorization(Policies.X)</c>.</summary>
public static class Policies
{
    /// <summary>Creators and admins (admins can do everything a creator can).</summary>
    public const string Creator = "creator";

    public const string Admin = "admin";

    internal static AuthorizationBuilder AddStreamingAppPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Creator, policy => policy.RequireAuthenticatedUser().RequireRole(AppRoles.Creator, AppRoles.Admin))
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(AppRoles.Admin));
}
