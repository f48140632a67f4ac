using System.ComponentModel.DataAnnotations;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Components.Shared;

/// <summary>The choice made when starting a watch party: who controls playback.</summary>
public sealed class StartPartyForm
{
    [Required]
    [AllowedValues(PartyControlModes.Host, PartyControlModes.Everyone, ErrorMessage = "Choose who controls playback.")]
    public string ControlMode { get; set; } = PartyControlModes.Host;
}
