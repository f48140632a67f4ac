namespace StreamingApp.Frontend.Services;

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

public sealed record AccountProfile(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailVerified, bool TotpEnabled);

public sealed record TotpSetup(string Secret, string OtpauthUri, string QrCodeDataUri);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

public sealed record UserSummary(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailVerified, bool Disabled, bool TotpEnabled,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

/// <summary>The roles Auth grants; access tokens carry one <c>role</c> claim per role.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Creator = "creator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Creator, Admin];

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: admins can do everything creators can.</summary>
    public const string CreatorOrAdmin = Creator + "," + Admin;
}
