using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StreamingApp.Api.Media.Probing;
using StreamingApp.Api.Media.Processing;
using StreamingApp.Api.Media.Transcoding;
using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Api.Media;

public static class MediaProcessingExtensions
{
    /// <summary>
    /// Registers the probe, the durable processing queue (its store is registered with the Api's database), the
    /// transcoder and the background worker, with <see cref="MediaOptions"/> bound from <c>Media</c> and validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddMediaProcessing(this IHostApplicationBuilder builder)
    {
        var defaultTempDirectory = Path.Combine(builder.GetDataDirectory(), "tmp");
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<MediaOptions>()
            .Bind(builder.Configuration.GetSection(MediaOptions.SectionName))
            .PostConfigure(options =>
            {
                // Bound lists append to defaults, so the default ladder is only filled in when none is configured.
                if (options.Ladder.Count == 0)
                {
                    options.Ladder.AddRange(MediaOptions.DefaultLadder);
                }

                options.TempDirectory = Path.GetFullPath(options.TempDirectory ?? defaultTempDirectory, contentRoot);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MediaTelemetry>();
        builder.Services.AddSingleton<IMediaProbe, FfprobeMediaProbe>();
        builder.Services.AddSingleton<FfmpegTranscoder>();

        builder.Services.AddSingleton<ProcessingSignal>();
        builder.Services.AddSingleton<IProcessingQueue, ProcessingQueue>();

        builder.Services.AddSingleton<VideoProcessor>();
        builder.Services.AddHostedService<ProcessingWorker>();
        return builder;
    }
}
