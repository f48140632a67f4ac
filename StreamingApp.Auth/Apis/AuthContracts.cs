namespace StreamingApp.Auth.Apis;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Email("email", Email)
        .NewPassword("password", Password, Email ?? string.Empty)
        .DisplayName("displayName", DisplayName)
        .Errors;
}

public sealed record TokenRequest(string? Token)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation().Token("token", Token).Errors;
}

public sealed record EmailRequest(string? Email)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation().Email("email", Email).Errors;
}

public sealed record LoginRequest(string? Email, string? Password, string? TotpCode)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Email("email", Email)
        .Password("password", Password)
        .Code("totpCode", TotpCode, required: false)
        .Errors;
}

public sealed record RefreshRequest(string? RefreshToken)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation().Token("refreshToken", RefreshToken).Errors;
}

/// <summary>The new password is checked against the account's email by the handler, which knows it.</summary>
public sealed record ResetPasswordRequest(string? Token, string? NewPassword)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Token("token", Token)
        .Password("newPassword", NewPassword)
        .Errors;
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Password("currentPassword", CurrentPassword)
        .Password("newPassword", NewPassword)
        .Errors;
}

public sealed record UpdateProfileRequest(string? DisplayName)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation().DisplayName("displayName", DisplayName).Errors;
}

public sealed record CodeRequest(string? Code)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation().Code("code", Code, required: true).Errors;
}

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles)
{
    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Check(Roles is { Count: > 0 } && Roles.All(role => AppRoles.All.Contains(role)), "roles", $"Give one or more of {string.Join(", ", AppRoles.All)}.")
        .Errors;
}

public sealed record UserListRequest(string? Q, int? Page, int? PageSize)
{
    public const int MaxQueryLength = RequestValidation.MaxEmailLength;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public Dictionary<string, string[]> Validate() => new RequestValidation()
        .Check(Q is not { Length: > MaxQueryLength }, "q", $"Search text is limited to {MaxQueryLength} characters.")
        .Check(Page is null or >= 1 and <= 100_000, "page", "Pages are numbered from 1 to 100000.")
        .Check(PageSize is null or >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} users.")
        .Errors;
}

public sealed record AccountResponse(string Id, string Email, string DisplayName, bool EmailVerified)
{
    public static AccountResponse From(User user) => new(user.Id, user.Email, user.DisplayName, user.EmailVerified);
}

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

public sealed record ProfileResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailVerified, bool TotpEnabled)
{
    public static ProfileResponse From(User user) => new(user.Id, user.Email, user.DisplayName, user.Roles, user.EmailVerified, user.TotpEnabled);
}

public sealed record TotpSetupResponse(string Secret, string OtpauthUri, string QrCodeDataUri);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

public sealed record UserSummary(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailVerified, bool Disabled, bool TotpEnabled,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
{
    public static UserSummary From(User user) => new(
        user.Id, user.Email, user.DisplayName, user.Roles, user.EmailVerified, user.Disabled, user.TotpEnabled, user.CreatedAt, user.LastSignInAt);
}

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
