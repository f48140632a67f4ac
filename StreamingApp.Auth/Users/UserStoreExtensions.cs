namespace StreamingApp.Auth.Users;

public static class UserStoreExtensions
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="user"/> and stores it; when someone else wrote the account in
    /// between (optimistic concurrency), re-reads it and applies the change again. <c>null</c> when the account is gone.
    /// </summary>
    public static async Task<User?> ChangeAsync(this IUserStore users, User user, Func<User, User> change, CancellationToken cancellationToken)
    {
        var current = user;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await users.UpdateAsync(change(current), cancellationToken) is { } stored)
            {
                return stored;
            }

            if (await users.GetAsync(user.Id, cancellationToken) is not { } reread)
            {
                return null;
            }

            current = reread;
        }

        throw new InvalidOperationException($"The account {user.Id} kept changing during {MaxAttempts} attempts to update it.");
    }
}
