using Microsoft.Extensions.Options;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Passwords;

namespace StreamingApp.Auth.Users;

/// <summary>
/// Creates the first admin from <c>Auth:BootstrapAdmin:Email</c> and <c>:Password</c> at start-up when no account has
/// that email (verified, roles viewer, creator and admin). A weak password stops the service with the reason.
/// An existing account is left as it is: the setting never resets a password or grants roles later.
/// </summary>
public sealed class BootstrapAdmin(
    IUserStore users,
    AccountPasswords passwords,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(settings.Email) && string.IsNullOrEmpty(settings.Password))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.Email) || string.IsNullOrEmpty(settings.Password))
        {
            throw new InvalidOperationException("Set both Auth:BootstrapAdmin:Email and Auth:BootstrapAdmin:Password, or neither.");
        }

        if (PasswordPolicy.Check(settings.Password, settings.Email) is { } problem)
        {
            throw new InvalidOperationException($"Auth:BootstrapAdmin:Password is refused: {problem}");
        }

        if (await users.FindByEmailAsync(settings.Email, cancellationToken) is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var admin = new User
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Email = settings.Email.Trim(),
            NormalizedEmail = User.Normalize(settings.Email),
            DisplayName = settings.DisplayName,
            Roles = AppRoles.All,
            EmailVerified = true,
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (await users.CreateAsync(admin with { PasswordHash = passwords.Hash(admin, settings.Password) }, cancellationToken) is not null)
        {
            logger.LogInformation("Created the bootstrap admin {Email}", admin.Email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
