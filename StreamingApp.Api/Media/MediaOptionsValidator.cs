using Microsoft.Extensions.Options;
using StreamingApp.Api.Extensions;

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
        errors.Require(!string.IsNullOrWhiteSpace(options.FfmpegPath), "Media:FfmpegPath is empty.");
        errors.Require(!string.IsNullOrWhiteSpace(options.FfprobePath), "Media:FfprobePath is empty.");
        errors.Require(options.ProbeTimeout > TimeSpan.Zero, "Media:ProbeTimeout must be positive.");
        errors.Require(options.TranscodeTimeout > TimeSpan.Zero, "Media:TranscodeTimeout must be positive.");
        errors.Require(options.SegmentSeconds is >= 1 and <= 30, "Media:SegmentSeconds must be between 1 and 30.");
        errors.Require(X264Presets.Contains(options.X264Preset), $"Media:X264Preset '{options.X264Preset}' is not one of {string.Join(", ", X264Presets)}.");

        for (var index = 0; index < options.Ladder.Count; index++)
        {
            var rung = options.Ladder[index];
            errors.Require(rung.Height is >= 144 and <= 4320 && rung.Height % 2 == 0, $"Media:Ladder:{index}:Height must be an even number from 144 to 4320.");
            errors.Require(rung.VideoBitrate is > 0 and <= 100_000, $"Media:Ladder:{index}:VideoBitrate must be 1 to 100000 kbit/s.");
            errors.Require(rung.AudioBitrate is >= 32 and <= 512, $"Media:Ladder:{index}:AudioBitrate must be 32 to 512 kbit/s.");
        }

        errors.Require(options.Ladder.Select(rung => rung.Height).Distinct().Count() == options.Ladder.Count, "Media:Ladder has two rungs of the same height.");

        var worker = options.Worker;
        errors.Require(worker.Concurrency is >= 1 and <= 16, "Media:Worker:Concurrency must be between 1 and 16.");
        errors.Require(worker.LeaseDuration >= TimeSpan.FromSeconds(1), "Media:Worker:LeaseDuration must be at least one second.");
        errors.Require(worker.PollInterval > TimeSpan.Zero, "Media:Worker:PollInterval must be positive.");
        errors.Require(worker.MaxAttempts is >= 1 and <= 20, "Media:Worker:MaxAttempts must be between 1 and 20.");
        errors.Require(worker.RetryDelay >= TimeSpan.Zero && worker.MaxRetryDelay >= worker.RetryDelay,
            "Media:Worker:RetryDelay must not be negative nor longer than Media:Worker:MaxRetryDelay.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
