using System.Globalization;
using System.Text;

namespace StreamingApp.Api.Media.Transcoding;

/// <summary>
/// Reads what ffmpeg wrote and writes the master playlist the players get: variants lowest first (hls.js starts
/// with the first one when no start level is set, which gives the fastest first frame), BANDWIDTH as the measured
/// peak segment bitrate (what the HLS specification asks for), AVERAGE-BANDWIDTH, RESOLUTION and CODECS.
/// </summary>
public static class HlsPlaylists
{
    public const string MasterFileName = "master.m3u8";
    public const string VariantFileName = "index.m3u8";

    /// <summary>One variant as ffmpeg declared it in its master playlist.</summary>
    public sealed record Variant(string Uri, int Width, int Height, string Codecs);

    /// <summary>A variant playlist's media: the init segment and each segment with its duration.</summary>
    public sealed record Media(string InitSegment, IReadOnlyList<(string Uri, double Duration)> Segments);

    public static IReadOnlyList<Variant> ReadMaster(string text)
    {
        var variants = new List<Variant>();
        var lines = Lines(text);
        for (var index = 0; index < lines.Count; index++)
        {
            if (!lines[index].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
            {
                continue;
            }

            var attributes = Attributes(lines[index]["#EXT-X-STREAM-INF:".Length..]);
            var uri = lines.Skip(index + 1).FirstOrDefault(line => !line.StartsWith('#'))
                ?? throw new InvalidDataException("A variant in the master playlist has no URI.");
            var resolution = attributes.GetValueOrDefault("RESOLUTION")?.Split('x');
            if (resolution is not { Length: 2 } || !attributes.TryGetValue("CODECS", out var codecs) || codecs.Length == 0)
            {
                throw new InvalidDataException($"ffmpeg did not declare RESOLUTION and CODECS for {uri}.");
            }

            variants.Add(new Variant(uri, int.Parse(resolution[0], CultureInfo.InvariantCulture), int.Parse(resolution[1], CultureInfo.InvariantCulture), codecs));
        }

        return variants.Count > 0 ? variants : throw new InvalidDataException("The master playlist lists no variants.");
    }

    public static Media ReadVariant(string text)
    {
        string? init = null;
        var segments = new List<(string, double)>();
        double? duration = null;
        foreach (var line in Lines(text))
        {
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                init = Attributes(line["#EXT-X-MAP:".Length..]).GetValueOrDefault("URI");
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                duration = double.Parse(line["#EXTINF:".Length..].Split(',')[0], CultureInfo.InvariantCulture);
            }
            else if (!line.StartsWith('#') && duration is { } seconds)
            {
                segments.Add((line, seconds));
                duration = null;
            }
        }

        return init is not null && segments.Count > 0
            ? new Media(init, segments)
            : throw new InvalidDataException("A variant playlist has no init segment or no media segments.");
    }

    /// <summary>Peak and average bitrate of a variant in bit/s, from its segments' sizes and durations.</summary>
    public static (int Peak, int Average) MeasureBitrates(Media media, Func<string, long> sizeOf)
    {
        var peak = 0.0;
        var bits = 0.0;
        var seconds = 0.0;
        foreach (var (uri, duration) in media.Segments)
        {
            var segmentBits = sizeOf(uri) * 8.0;
            bits += segmentBits;
            seconds += duration;
            if (duration > 0)
            {
                peak = Math.Max(peak, segmentBits / duration);
            }
        }

        return ((int)Math.Ceiling(peak), (int)Math.Ceiling(seconds > 0 ? bits / seconds : peak));
    }

    public static string WriteMaster(IEnumerable<(Variant Variant, int Peak, int Average)> variants)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var (variant, peak, average) in variants.OrderBy(entry => entry.Peak))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},RESOLUTION={variant.Width}x{variant.Height},CODECS=\"{variant.Codecs}\"\n");
            text.Append(variant.Uri).Append('\n');
        }

        return text.ToString();
    }

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    /// <summary>An attribute list (<c>A=1,B="x,y"</c>): commas inside quotes belong to the value.</summary>
    private static Dictionary<string, string> Attributes(string list)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < list.Length)
        {
            var equals = list.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var name = list[position..equals].Trim();
            string value;
            if (equals + 1 < list.Length && list[equals + 1] == '"')
            {
                var close = list.IndexOf('"', equals + 2);
                close = close < 0 ? list.Length : close;
                value = list[(equals + 2)..close];
                position = list.IndexOf(',', Math.Min(close, list.Length - 1)) is var comma and >= 0 ? comma + 1 : list.Length;
            }
            else
            {
                var comma = list.IndexOf(',', equals);
                value = comma < 0 ? list[(equals + 1)..] : list[(equals + 1)..comma];
                position = comma < 0 ? list.Length : comma + 1;
            }

            attributes[name] = value;
        }

        return attributes;
    }
}
