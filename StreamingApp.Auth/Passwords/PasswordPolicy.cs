using System.Reflection;

namespace StreamingApp.Auth.Passwords;

/// <summary>
/// What a new password must be: 10 to 256 characters, not the email or its local part, and not one of the most common
/// passwords (an embedded list), compared without regard to case.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    /// <summary>Why <paramref name="password"/> is not acceptable, or <c>null</c> when it is.</summary>
    public static string? Check(string password, string email)
    {
        if (password.Length < MinLength)
        {
            return $"Use at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }

        var trimmedEmail = email.Trim();
        var localPart = trimmedEmail.Split('@')[0];
        if (string.Equals(password, trimmedEmail, StringComparison.OrdinalIgnoreCase) || string.Equals(password, localPart, StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not be your email address.";
        }

        return CommonPasswords.Value.Contains(password) ? "This password is too common; choose another." : null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StreamingApp.Auth.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
