using System.Text;
using System.Text.RegularExpressions;

namespace StreamingApp.Api.Catalog;

/// <summary>
/// Turns what a viewer typed into a safe FTS5 query: every word becomes a quoted prefix term and all must match,
/// so operators and quotes in the input are just text.
/// </summary>
public static partial class FullTextQuery
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Terms(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : Word().Matches(text)
                .Select(match => match.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxTerms)
                .ToList();

    public static string? ToFts5(string? text)
    {
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new StringBuilder();
        foreach (var term in terms)
        {
            query.Append(query.Length == 0 ? string.Empty : " AND ").Append('"').Append(term).Append("\"*");
        }

        return query.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
