using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Catalog;

/// <summary>Reads enum values written the way the API writes them (<c>awaiting_upload</c>, <c>unlisted</c>), case-insensitively.</summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(DocumentJson.EnumText(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string List<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(value => DocumentJson.EnumText(value)));
}
