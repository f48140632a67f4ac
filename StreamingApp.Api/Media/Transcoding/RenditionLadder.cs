namespace StreamingApp.Api.Media.Transcoding;

/// <summary>One output of the ladder: its folder name (<c>720p</c>), exact size and bitrates in kbit/s.</summary>
public sealed record RenditionPlan(string Name, int Width, int Height, int VideoBitrate, int AudioBitrate);

/// <summary>Chooses the renditions for a source: never taller than the source, always at least one, aspect ratio kept.</summary>
public static class RenditionLadder
{
    /// <summary>Bitrates do not shrink below this when a small source is scaled down from the lowest rung.</summary>
    private const int MinimumVideoBitrate = 150;

    /// <param name="width">Display width of the source (after rotation).</param>
    /// <param name="height">Display height of the source (after rotation).</param>
    public static IReadOnlyList<RenditionPlan> Plan(IReadOnlyList<LadderRung> ladder, int width, int height)
    {
        // Rungs name the short side, so a portrait 1080x1920 phone video gets 360, 720 and 1080 like a landscape one.
        var shortSide = Math.Min(width, height);
        var rungs = ladder.OrderBy(rung => rung.Height).ToList();
        var fitting = rungs.Where(rung => rung.Height <= shortSide).ToList();
        if (fitting.Count == 0)
        {
            // Smaller than the lowest rung: one rendition at the source's own size, never upscaled.
            fitting = [rungs[0]];
        }

        return fitting.Select(rung => PlanRung(rung, width, height, shortSide)).ToList();
    }

    private static RenditionPlan PlanRung(LadderRung rung, int width, int height, int shortSide)
    {
        var targetShort = Even(Math.Min(rung.Height, shortSide));
        var scale = (double)targetShort / shortSide;
        var (outputWidth, outputHeight) = width <= height
            ? (targetShort, Even(height * scale))
            : (Even(width * scale), targetShort);
        var area = (double)targetShort / rung.Height;
        var videoBitrate = targetShort < rung.Height ? Math.Max(MinimumVideoBitrate, (int)(rung.VideoBitrate * area * area)) : rung.VideoBitrate;
        return new RenditionPlan($"{targetShort}p", outputWidth, outputHeight, videoBitrate, rung.AudioBitrate);
    }

    /// <summary>H.264 with 4:2:0 chroma needs even dimensions.</summary>
    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2);
}
