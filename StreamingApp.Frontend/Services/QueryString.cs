using System.Globalization;

namespace StreamingApp.Frontend.Services;

public static class QueryString
{
    /// <summary><paramref name="path"/> with the parameters that have a value, escaped; empty values are left out.</summary>
    public static string Build(string path, params (string Name, object? Value)[] parameters)
    {
        var pairs = parameters
            .Select(parameter => (parameter.Name, Value: Convert.ToString(parameter.Value, CultureInfo.InvariantCulture)))
            .Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}")
            .ToList();
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }
}
