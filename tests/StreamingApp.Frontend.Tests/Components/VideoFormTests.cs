using System.ComponentModel.DataAnnotations;
using StreamingApp.Frontend.Components.Shared;

namespace StreamingApp.Frontend.Tests.Components;

public sealed class VideoFormTests
{
    [Fact]
    public void A_complete_form_becomes_the_metadata_the_api_expects()
    {
        var form = new VideoForm
        {
            Title = "  Orbit ",
            Description = "A trip",
            Genre = "Sci-Fi",
            ReleaseYear = 2024,
            Tags = "space, slow tv ,",
            Visibility = Visibility.Unlisted,
            AllowedCountries = "us, ca",
            BlockedCountries = "",
        };

        Assert.Empty(Validate(form));
        var metadata = form.ToMetadata();
        Assert.Equal(("Orbit", "A trip", "Sci-Fi", 2024, "unlisted"), (metadata.Title, metadata.Description, metadata.Genre, metadata.ReleaseYear, metadata.Visibility));
        Assert.Equal(["space", "slow tv"], metadata.Tags);
        Assert.Equal(["US", "CA"], metadata.AllowedCountries);
        Assert.Empty(metadata.BlockedCountries);
    }

    [Fact]
    public void A_title_is_required()
    {
        var errors = Validate(new VideoForm { Title = " " });

        Assert.Contains(errors, error => error.MemberNames.Contains(nameof(VideoForm.Title)));
    }

    [Fact]
    public void Country_codes_must_be_two_letters_and_not_both_allowed_and_blocked()
    {
        var errors = Validate(new VideoForm { Title = "Orbit", AllowedCountries = "US, Sweden", BlockedCountries = "us DE" });

        Assert.Contains(errors, error => error.MemberNames.Contains(nameof(VideoForm.AllowedCountries)) && error.ErrorMessage!.Contains("SWEDEN", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.MemberNames.Contains(nameof(VideoForm.BlockedCountries)) && error.ErrorMessage!.Contains("US", StringComparison.Ordinal));
    }

    [Fact]
    public void Tags_genre_and_year_are_bounded()
    {
        var errors = Validate(new VideoForm
        {
            Title = "Orbit",
            Genre = "Western",
            ReleaseYear = 1700,
            Tags = string.Join(',', Enumerable.Range(1, 21).Select(index => $"tag{index}")),
        });

        Assert.Equal(
            [nameof(VideoForm.Genre), nameof(VideoForm.ReleaseYear), nameof(VideoForm.Tags)],
            errors.SelectMany(error => error.MemberNames).Order());
    }

    [Fact]
    public void Editing_starts_from_the_videos_current_metadata()
    {
        var form = VideoForm.From(TestData.Details("v1", "Orbit") with { Tags = ["a", "b"], BlockedCountries = ["DE", "FR"] });

        Assert.Equal("a, b", form.Tags);
        Assert.Equal("DE FR", form.BlockedCountries);
        Assert.Equal("Sci-Fi", form.Genre);
    }

    private static List<ValidationResult> Validate(VideoForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }
}
