namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>The roles Auth grants; access tokens carry one <c>role</c> claim per role.</summary>
public static class AppRoles
{
    /// <summary>Every account: browse, watch, join parties.</summary>
    public const string Viewer = "viewer";

    /// <summary>May upload and manage their own videos.</summary>
    public const string Creator = "creator";

    /// <summary>Manages accounts, roles and any video.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Creator, Admin];
}
