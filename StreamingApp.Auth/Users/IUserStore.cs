namespace StreamingApp.Auth.Users;

public interface IUserStore
{
    /// <summary>Adds the user; <c>null</c> when another account already has the same normalized email.</summary>
    Task<User?> CreateAsync(User user, CancellationToken cancellationToken);

    Task<User?> GetAsync(string id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Replaces the user if unchanged since read; the stored copy, or <c>null</c> on a concurrent change.</summary>
    Task<User?> UpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>Accounts whose email or display name contains <paramref name="text"/> (any case), oldest first.</summary>
    Task<UserPage> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Accounts whose <see cref="User.TokensValidAfter"/> is at or after <paramref name="since"/>, earliest first.</summary>
    Task<IReadOnlyList<User>> ListRevokedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

public sealed record UserPage(IReadOnlyList<User> Items, long Total);
