using Microsoft.Extensions.Options;

namespace StreamingApp.Api.Media;

/// <summary>Refuses settings that would only fail later inside a job (an unknown preset, an empty ladder rung).</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public static readonly IReadOnlySet<string> X264Presets = new HashSet<string>(StringComparer.Ordinal)
    {
        "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo",
    };

    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(options.FfmpegPath), "Media:FfmpegPath is empty.");
        Require(errors, !string.IsNullOrWhiteSpace(options.FfprobePath), "Media:FfprobePath is empty.");
        Require(errors, options.ProbeTimeout > TimeSpan.Zero, "Media:ProbeTimeout must be positive.");
        Require(errors, options.TranscodeTimeout > TimeSpan.Zero, "Media:TranscodeTimeout must be positive.");
        Require(errors, options.SegmentSeconds is >= 1 and <= 30, "Media:SegmentSeconds must be between 1 and 30.");
        Require(errors, X264Presets.Contains(options.X264Preset), $"Media:X264Preset '{options.X264Preset}' is not one of {string.Join(", ", X264Presets)}.");

        for (var index = 0; index < options.Ladder.Count; index++)
        {
            var rung = options.Ladder[index];
            Require(errors, rung.Height is >= 144 and <= 4320 && rung.Height % 2 == 0, $"Media:Ladder:{index}:Height must be an even number from 144 to 4320.");
            Require(errors, rung.VideoBitrate is > 0 and <= 100_000, $"Media:Ladder:{index}:VideoBitrate must be 1 to 100000 kbit/s.");
            Require(errors, rung.AudioBitrate is >= 32 and <= 512, $"Media:Ladder:{index}:AudioBitrate must be 32 to 512 kbit/s.");
        }

        Require(errors, options.Ladder.Select(rung => rung.Height).Distinct().Count() == options.Ladder.Count, "Media:Ladder has two rungs of the same height.");

        var worker = options.Worker;
        Require(errors, worker.Concurrency is >= 1 and <= 16, "Media:Worker:Concurrency must be between 1 and 16.");
        Require(errors, worker.LeaseDuration >= TimeSpan.FromSeconds(1), "Media:Worker:LeaseDuration must be at least one second.");
        Require(errors, worker.PollInterval > TimeSpan.Zero, "Media:Worker:PollInterval must be positive.");
        Require(errors, worker.MaxAttempts is >= 1 and <= 20, "Media:Worker:MaxAttempts must be between 1 and 20.");
        Require(errors, worker.RetryDelay >= TimeSpan.Zero && worker.MaxRetryDelay >= worker.RetryDelay,
            "Media:Worker:RetryDelay must not be negative nor longer than Media:Worker:MaxRetryDelay.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}
