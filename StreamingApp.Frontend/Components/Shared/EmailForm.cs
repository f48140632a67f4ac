using System.ComponentModel.DataAnnotations;

namespace StreamingApp.Frontend.Components.Shared;

public sealed class EmailForm
{
    [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }
}
