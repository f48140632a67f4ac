using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.Users;

/// <summary>An account. The email is unique after normalization (trimmed, upper-case invariant).</summary>
public sealed record User : IVersionedDocument<User>
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public required string DisplayName { get; init; }

    public string PasswordHash { get; init; } = string.Empty;

    public IReadOnlyList<string> Roles { get; init; } = [UserRoles.Viewer];

    public bool EmailVerified { get; init; }

    public bool Disabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented by every write; a write based on an older version is refused (optimistic concurrency).</summary>
    public long Version { get; init; }

    public User WithVersion(long version) => this with { Version = version };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

public static class UserRoles
{
    public const string Viewer = "viewer";
    public const string Creator = "creator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Creator, Admin];
}
