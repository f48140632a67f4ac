using Microsoft.AspNetCore.Components.Forms;
using StreamingApp.Frontend.Services;

namespace StreamingApp.Frontend.Components.Shared;

/// <summary>A form's edit context plus the errors a service sent back, shown next to the fields they belong to.</summary>
public sealed class FormFeedback
{
    private readonly ValidationMessageStore _messages;

    public FormFeedback(object model)
    {
        Context = new EditContext(model);
        _messages = new ValidationMessageStore(Context);
        // A corrected field should not keep showing the service's earlier complaint about it.
        Context.OnFieldChanged += (_, changed) => _messages.Clear(changed.FieldIdentifier);
    }

    public EditContext Context { get; }

    /// <summary>A message about the form as a whole (shown in the validation summary).</summary>
    public void Fail(string message)
    {
        _messages.Add(new FieldIdentifier(Context.Model, string.Empty), message);
        Context.NotifyValidationStateChanged();
    }

    /// <summary>A message next to one field.</summary>
    public void Fail(string field, string message)
    {
        _messages.Add(new FieldIdentifier(Context.Model, field), message);
        Context.NotifyValidationStateChanged();
    }

    /// <summary>
    /// Each field error of a validation problem goes to the model property of the same name (camelCase in the request,
    /// PascalCase on the model); errors for fields the form does not have, and problems without field errors, go to the
    /// form as a whole.
    /// </summary>
    /// <param name="renames">Request fields whose model property has another name (<c>("password", "NewPassword")</c>).</param>
    public void Show(ApiProblemException problem, params (string Field, string Property)[] renames)
    {
        var model = Context.Model;
        foreach (var (field, errors) in problem.Errors)
        {
            var property = renames.FirstOrDefault(rename => rename.Field == field).Property
                ?? (field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..]);
            var identifier = new FieldIdentifier(model, model.GetType().GetProperty(property) is null ? string.Empty : property);
            _messages.Add(identifier, errors);
        }

        if (problem.Errors.Count == 0)
        {
            _messages.Add(new FieldIdentifier(model, string.Empty), problem.Explanation);
        }

        Context.NotifyValidationStateChanged();
    }
}
