using System.Text;
using System.Text.RegularExpressions;

namespace StreamingApp.Api.Playback;

/// <summary>
/// Carries the signing query of a playlist request over to every URI inside it (variant playlists, init sections,
/// segments), so any HLS player can follow relative links without knowing about signatures.
/// </summary>
public static partial class PlaylistRewriter
{
    public static string AppendQuery(string playlist, string query)
    {
        var result = new StringBuilder(playlist.Length + 256);
        foreach (var line in playlist.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith('#'))
            {
                result.Append(UriAttribute().Replace(text, match => $"URI=\"{WithQuery(match.Groups[1].Value, query)}\""));
            }
            else if (text.Length > 0)
            {
                result.Append(WithQuery(text, query));
            }

            result.Append('\n');
        }

        return result.ToString(0, result.Length - 1);
    }

    /// <summary>Only relative references get the query; absolute ones point elsewhere and keep theirs.</summary>
    private static string WithQuery(string uri, string query) =>
        Uri.TryCreate(uri, UriKind.Absolute, out _) || uri.StartsWith('/') ? uri
        : uri.Contains('?', StringComparison.Ordinal) ? $"{uri}&{query}" : $"{uri}?{query}";

    [GeneratedRegex("URI=\"([^\"]*)\"")]
    private static partial Regex UriAttribute();
}
