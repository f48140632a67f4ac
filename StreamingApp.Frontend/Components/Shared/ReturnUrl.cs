namespace StreamingApp.Frontend.Components.Shared;

public static class ReturnUrl
{
    /// <summary>A path on this site, or the home page: never another site (an open redirect).</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || url[1] is not '/' and not '\\') ? url : "/";
}
