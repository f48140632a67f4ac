using System.Net;
using Microsoft.AspNetCore.Components.Forms;
using StreamingApp.Frontend.Components.Shared;

namespace StreamingApp.Frontend.Tests.Components;

public sealed class FormFeedbackTests
{
    [Fact]
    public void Validation_errors_land_on_the_fields_they_name_and_unknown_fields_on_the_form()
    {
        var form = new VideoForm();
        var feedback = new FormFeedback(form);
        var problem = new ApiProblemException(HttpStatusCode.BadRequest, new ProblemBody(null, "Invalid", null, new()
        {
            ["title"] = ["A title has 1 to 200 characters."],
            ["somethingElse"] = ["Not on this form."],
        }));

        feedback.Show(problem);

        Assert.Equal(["A title has 1 to 200 characters."], feedback.Context.GetValidationMessages(new FieldIdentifier(form, nameof(VideoForm.Title))));
        Assert.Equal(["Not on this form."], feedback.Context.GetValidationMessages(new FieldIdentifier(form, string.Empty)));
    }

    [Fact]
    public void A_renamed_field_goes_to_its_model_property_and_clears_when_edited()
    {
        var form = new NewPasswordForm();
        var feedback = new FormFeedback(form);
        var password = new FieldIdentifier(form, nameof(NewPasswordForm.NewPassword));

        feedback.Show(new ApiProblemException(HttpStatusCode.BadRequest, new ProblemBody(null, null, null, new() { ["password"] = ["Too common."] })), ("password", nameof(NewPasswordForm.NewPassword)));
        Assert.Equal(["Too common."], feedback.Context.GetValidationMessages(password));

        feedback.Context.NotifyFieldChanged(password);
        Assert.Empty(feedback.Context.GetValidationMessages(password));
    }

    [Fact]
    public void A_problem_without_field_errors_explains_itself_on_the_form()
    {
        var form = new EmailForm();
        var feedback = new FormFeedback(form);

        feedback.Show(new ApiProblemException(HttpStatusCode.TooManyRequests, new ProblemBody("https://streamingapp.dev/problems/too-many-requests", "Too many attempts.", "Try again in 30 seconds.", null)));

        Assert.Equal(["Try again in 30 seconds."], feedback.Context.GetValidationMessages());
    }
}
