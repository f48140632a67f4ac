namespace StreamingApp.Frontend.Services;

/// <summary>
/// StreamingApp.Auth, found through service discovery (<c>services__auth__http__0</c>). Calls made for a signed-in user
/// carry their access token (added by <see cref="Authentication.UserAccessTokenHandler"/>).
/// </summary>
public sealed class AuthClient(HttpClient http)
{
    public Task RegisterAsync(string email, string password, string displayName, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/register", new { email, password, displayName }, cancellationToken);

    public Task VerifyEmailAsync(string token, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/verify-email", new { token }, cancellationToken);

    public Task ResendVerificationAsync(string email, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/resend-verification", new { email }, cancellationToken);

    public Task<TokenResponse> LoginAsync(string email, string password, string? totpCode, CancellationToken cancellationToken) =>
        http.SendJsonAsync<TokenResponse>(HttpMethod.Post, "/api/auth/login", new { email, password, totpCode }, cancellationToken);

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        http.SendJsonAsync<TokenResponse>(HttpMethod.Post, "/api/auth/refresh", new { refreshToken }, cancellationToken);

    public Task LogoutAsync(string refreshToken, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/logout", new { refreshToken }, cancellationToken);

    public Task LogoutEverywhereAsync(CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/logout-all", null, cancellationToken);

    public Task ForgotPasswordAsync(string email, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email }, cancellationToken);

    public Task ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/reset-password", new { token, newPassword }, cancellationToken);

    public Task<AccountProfile> GetProfileAsync(CancellationToken cancellationToken) =>
        http.GetJsonAsync<AccountProfile>("/api/auth/me", cancellationToken);

    public Task UpdateDisplayNameAsync(string displayName, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Patch, "/api/auth/me", new { displayName }, cancellationToken);

    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/change-password", new { currentPassword, newPassword }, cancellationToken);

    public Task<TotpSetup> SetUpTotpAsync(CancellationToken cancellationToken) =>
        http.SendJsonAsync<TotpSetup>(HttpMethod.Post, "/api/auth/totp/setup", null, cancellationToken);

    public async Task<IReadOnlyList<string>> EnableTotpAsync(string code, CancellationToken cancellationToken) =>
        (await http.SendJsonAsync<RecoveryCodesResponse>(HttpMethod.Post, "/api/auth/totp/enable", new { code }, cancellationToken)).RecoveryCodes;

    public Task DisableTotpAsync(string code, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, "/api/auth/totp/disable", new { code }, cancellationToken);

    public Task<PagedList<UserSummary>> ListUsersAsync(string? query, int page, int pageSize, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PagedList<UserSummary>>(QueryString.Build("/api/auth/users", ("q", query), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Put, $"/api/auth/users/{Uri.EscapeDataString(userId)}/roles", new { roles }, cancellationToken);

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken) =>
        http.SendJsonAsync(HttpMethod.Post, $"/api/auth/users/{Uri.EscapeDataString(userId)}/{(disabled ? "disable" : "enable")}", null, cancellationToken);
}
