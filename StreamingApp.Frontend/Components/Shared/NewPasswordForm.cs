using System.ComponentModel.DataAnnotations;

namespace StreamingApp.Frontend.Components.Shared;

/// <summary>A new password typed twice; Auth checks the rest of its policy (common passwords, the email address).</summary>
public class NewPasswordForm
{
    /// <summary>Auth's minimum, checked here first so the common mistake is caught without a round trip.</summary>
    public const int MinLength = 10;

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(256, MinimumLength = MinLength, ErrorMessage = "Use at least 10 characters.")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
    public string? ConfirmPassword { get; set; }
}
