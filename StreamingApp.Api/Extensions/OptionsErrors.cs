namespace StreamingApp.Api.Extensions;

/// <summary>Collects the problems of a settings section, so a validator reports them all at once.</summary>
internal static class OptionsErrors
{
    public static void Require(this List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}
