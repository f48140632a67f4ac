namespace StreamingApp.Auth.Users;

public interface IUserStore
{
    /// <summary>Adds the user; <c>null</c> when another account already has the same normalized email.</summary>
    Task<User?> CreateAsync(User user, CancellationToken cancellationToken);

    Task<User?> GetAsync(string id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Replaces the user if unchanged since read; the stored copy, or <c>null</c> on a concurrent change.</summary>
    Task<User?> UpdateAsync(User user, CancellationToken cancellationToken);
}
