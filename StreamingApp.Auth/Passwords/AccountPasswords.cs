using Microsoft.AspNetCore.Identity;

namespace StreamingApp.Auth.Passwords;

/// <summary>Hashes and verifies passwords with ASP.NET Core Identity's PBKDF2 hasher (iterations from <c>Auth:Passwords:IterationCount</c>).</summary>
public sealed class AccountPasswords(IPasswordHasher<User> hasher)
{
    private static readonly User Nobody = new() { Id = string.Empty, Email = string.Empty, NormalizedEmail = string.Empty, DisplayName = string.Empty };

    // Verifying against this when the email is unknown costs the same as a real check, so timing does not tell
    // whether an account exists.
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public string Hash(User user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult Verify(User user, string password) =>
        string.IsNullOrEmpty(user.PasswordHash) ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    /// <summary>Spends the time of a real verification, for an unknown account.</summary>
    public void VerifyDecoy(string password) => hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
}
