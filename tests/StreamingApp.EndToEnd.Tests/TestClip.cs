using System.Diagnostics;

namespace StreamingApp.EndToEnd.Tests;

/// <summary>Makes a short test video with ffmpeg's lavfi sources (moving test pattern and a tone), never a committed file.</summary>
public static class TestClip
{
    public static async Task<string> CreateAsync(string path, CancellationToken cancellationToken, int seconds = 6)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
        [
            "-hide_banner", "-nostdin", "-y", "-v", "error",
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart",
            path,
        ])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("ffmpeg could not be started; ./test.sh installs it.");
        var errors = await ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
        await ffmpeg.WaitForExitAsync(cancellationToken);
        return ffmpeg.ExitCode == 0 ? path : throw new InvalidOperationException($"ffmpeg failed: {errors}");
    }
}
