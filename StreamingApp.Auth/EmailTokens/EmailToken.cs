using System.Text.Json.Serialization;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.EmailTokens;

/// <summary>A single-use token sent by email (verification or password reset), stored only as the SHA-256 of its value.</summary>
public sealed record EmailToken : IVersionedDocument<EmailToken>
{
    /// <summary>Hex SHA-256 of the token value.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required EmailTokenPurpose Purpose { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public long Version { get; init; }

    public EmailToken WithVersion(long version) => this with { Version = version };
}

[JsonConverter(typeof(JsonStringEnumConverter<EmailTokenPurpose>))]
public enum EmailTokenPurpose
{
    [JsonStringEnumMemberName("verify-email")]
    VerifyEmail,
    [JsonStringEnumMemberName("reset-password")]
    ResetPassword,
}

public interface IEmailTokenStore
{
    Task<EmailToken?> CreateAsync(EmailToken token, CancellationToken cancellationToken);

    Task<EmailToken?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Consumes the token: <c>true</c> for exactly one caller, however many present it at once.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Withdraws the user's other outstanding tokens of the purpose (a new link replaces older ones).</summary>
    Task<int> DeleteForUserAsync(string userId, EmailTokenPurpose purpose, CancellationToken cancellationToken);

    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
