using System.Net.Mail;
using StreamingApp.Auth.Passwords;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.Apis;

/// <summary>
/// Field checks shared by the request records. Every bound is explicit, so oversized input is refused before it
/// reaches a hash function or the database.
/// </summary>
public sealed class RequestValidation
{
    /// <summary>RFC 5321's limit for a forward path.</summary>
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    public Dictionary<string, string[]> Errors { get; } = [];

    public RequestValidation Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "An email address is required.");
        }

        var trimmed = value.Trim();
        return trimmed.Length > MaxEmailLength || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || address.DisplayName.Length > 0
            ? Add(field, $"Enter an email address of at most {MaxEmailLength} characters, such as name@example.com.")
            : this;
    }

    public RequestValidation DisplayName(string field, string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxDisplayNameLength || trimmed.Any(char.IsControl)
            ? Add(field, $"Enter a name of 1 to {MaxDisplayNameLength} characters.")
            : this;
    }

    /// <summary>A password being checked (sign-in, current password): only present and bounded.</summary>
    public RequestValidation Password(string field, string? value) =>
        string.IsNullOrEmpty(value) || value.Length > PasswordPolicy.MaxLength
            ? Add(field, $"Enter a password of at most {PasswordPolicy.MaxLength} characters.")
            : this;

    /// <summary>A password being chosen: the whole policy, with the account's email when known.</summary>
    public RequestValidation NewPassword(string field, string? value, string email)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "A password is required.");
        }

        return PasswordPolicy.Check(value, email) is { } problem ? Add(field, problem) : this;
    }

    public RequestValidation Token(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > SecretTokens.MaxLength
            ? Add(field, "The token is missing or malformed.")
            : this;

    public RequestValidation Code(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "A code is required.") : this;
        }

        return value.Length > TwoFactor.TotpAuthenticator.MaxCodeLength ? Add(field, "The code is malformed.") : this;
    }

    public RequestValidation Check(bool condition, string field, string message) => condition ? this : Add(field, message);

    private RequestValidation Add(string field, string message)
    {
        Errors[field] = Errors.TryGetValue(field, out var known) ? [.. known, message] : [message];
        return this;
    }
}
