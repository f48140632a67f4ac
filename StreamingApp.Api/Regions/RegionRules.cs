namespace StreamingApp.Api.Regions;

/// <summary>Whether a video is licensed where the viewer is; the one place the allow and block lists are read.</summary>
public static class RegionRules
{
    /// <param name="country">The viewer's country, or <c>null</c> when unknown (no rule applies then).</param>
    public static bool IsAllowed(Video video, string? country) =>
        country is null
        || (video.AllowedCountries.Count == 0 || video.AllowedCountries.Contains(country))
            && !video.BlockedCountries.Contains(country);
}
