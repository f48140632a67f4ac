using System.Globalization;
using System.Text;

namespace StreamingApp.Api.Media.Transcoding;

/// <summary>
/// Seek-bar previews: one 160x90 tile every <see cref="IntervalSeconds"/> seconds on one sprite sheet, and a WebVTT
/// track whose cues point at each tile (<c>sprite.jpg#xywh=x,y,w,h</c>), the form video.js and hls.js players read.
/// </summary>
public sealed record Storyboard(int IntervalSeconds)
{
    public const int TileWidth = 160;
    public const int TileHeight = 90;
    public const int MaxTiles = 100;
    public const int Columns = 10;
    public const string SpriteFileName = "sprite.jpg";
    public const string TrackFileName = "storyboard.vtt";

    /// <summary>One tile a second for short videos, wider apart for long ones so the sheet stays at most <see cref="MaxTiles"/> tiles.</summary>
    public static Storyboard For(double durationSeconds) => new(Math.Max(1, (int)Math.Ceiling(durationSeconds / MaxTiles)));

    /// <summary>The filter chain that turns the decoded video into tiles (each written as its own image).</summary>
    public string TileFilter =>
        $"fps=1/{IntervalSeconds},scale={TileWidth}:{TileHeight}:force_original_aspect_ratio=decrease," +
        $"pad={TileWidth}:{TileHeight}:(ow-iw)/2:(oh-ih)/2,setsar=1";

    /// <summary>Tiles shown for a video of <paramref name="durationSeconds"/> given how many the encoder wrote.</summary>
    public int TileCount(int written, double durationSeconds) =>
        Math.Min(Math.Min(written, MaxTiles), Math.Max(1, (int)Math.Ceiling(durationSeconds / IntervalSeconds)));

    public static (int Columns, int Rows) Grid(int tiles) => (Math.Min(Columns, tiles), (tiles + Columns - 1) / Columns);

    public string WebVtt(int tiles, double durationSeconds)
    {
        var text = new StringBuilder("WEBVTT\n");
        var (columns, _) = Grid(tiles);
        for (var index = 0; index < tiles; index++)
        {
            var start = (double)index * IntervalSeconds;
            var end = index == tiles - 1 ? durationSeconds : Math.Min(durationSeconds, start + IntervalSeconds);
            text.Append('\n')
                .Append(Timestamp(start)).Append(" --> ").Append(Timestamp(end)).Append('\n')
                .Append(CultureInfo.InvariantCulture, $"{SpriteFileName}#xywh={index % columns * TileWidth},{index / columns * TileHeight},{TileWidth},{TileHeight}\n");
        }

        return text.ToString();
    }

    // Hours are not wrapped at 24, unlike TimeSpan's "hh".
    private static string Timestamp(double seconds)
    {
        var time = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
    }
}
