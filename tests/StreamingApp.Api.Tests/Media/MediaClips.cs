using System.Diagnostics;
using System.Globalization;

namespace StreamingApp.Api.Tests.Media;

/// <summary>
/// Small clips made once per test run from ffmpeg's lavfi sources (testsrc2 picture, sine tone): a few seconds,
/// low frame rate, so every test that needs real media stays fast. Nothing is committed; the folder is deleted after the run.
/// </summary>
public sealed class MediaClips : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new("clips");
    private readonly Dictionary<string, Task<string>> _clips = [];

    /// <summary>320x240, 2 s, 5 fps, with a tone.</summary>
    public Task<string> SmallAsync() => ClipAsync("small.mp4", Video(320, 240, 2), Tone(2), ["-shortest"]);

    /// <summary>1280x720, 9 s, 5 fps, with a tone: long enough for two full 4-second segments.</summary>
    public Task<string> HdAsync() => ClipAsync("hd.mp4", Video(1280, 720, 9), Tone(9), ["-shortest"]);

    public Task<string> SilentAsync() => ClipAsync("silent.mp4", Video(320, 240, 2), [], []);

    public Task<string> AudioOnlyAsync() => ClipAsync("tone.m4a", Tone(2), [], []);

    /// <summary>A 320x240 picture recorded rotated a quarter turn, the way phones store portrait video.</summary>
    public async Task<string> RotatedAsync()
    {
        var small = await SmallAsync();
        return await ClipAsync("rotated.mp4", ["-i", small], [], ["-c", "copy", "-metadata:s:v:0", "rotate=90"]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    public string Combine(string name) => _folder.Combine(name);

    private static string[] Video(int width, int height, int seconds) =>
        ["-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=5:duration={seconds}")];

    private static string[] Tone(int seconds) =>
        ["-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency=440:duration={seconds}")];

    private Task<string> ClipAsync(string name, string[] first, string[] second, string[] output)
    {
        lock (_clips)
        {
            if (!_clips.TryGetValue(name, out var clip))
            {
                clip = GenerateAsync(_folder.Combine(name), [.. first, .. second], output);
                _clips[name] = clip;
            }

            return clip;
        }
    }

    private static async Task<string> GenerateAsync(string path, string[] inputs, string[] output)
    {
        string[] encode = output.Contains("copy") ? [] : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"];
        var startInfo = new ProcessStartInfo("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. inputs, .. encode, .. output, path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException($"ffmpeg could not make {Path.GetFileName(path)}: {error}");
    }
}
