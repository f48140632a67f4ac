using System.Text.Json;

namespace StreamingApp.ServiceDefaults.Persistence;

/// <summary>How documents are written to the embedded store: web (camelCase) JSON, the same shape as the HTTP APIs.</summary>
public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} document is empty.");

    /// <summary>An enum value as its JSON spelling (honours <c>JsonStringEnumMemberName</c>), for indexed columns.</summary>
    public static string EnumText<TEnum>(TEnum value) where TEnum : struct, Enum => Serialize(value).Trim('"');
}
