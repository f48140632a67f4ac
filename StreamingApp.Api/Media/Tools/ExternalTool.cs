using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace StreamingApp.Api.Media.Tools;

/// <summary>What to run: the executable, its arguments (never through a shell) and the limits it runs under.</summary>
/// <param name="SettingName">The configuration key that names the executable, quoted when it cannot be started.</param>
/// <param name="OnOutputLine">Receives standard output line by line instead of it being captured.</param>
/// <param name="MaxOutputBytes">Captured standard output beyond this is dropped and the run reported as truncated.</param>
public sealed record ToolInvocation(
    string Executable,
    IReadOnlyList<string> Arguments,
    string SettingName,
    TimeSpan Timeout,
    Func<string, ValueTask>? OnOutputLine = null,
    int MaxOutputBytes = 1 << 20);

/// <param name="StandardError">The last few kilobytes of standard error, where ffmpeg and ffprobe put the reason they stopped.</param>
public sealed record ToolResult(int ExitCode, string StandardOutput, bool OutputTruncated, string StandardError);

/// <summary>An external tool could not be started or did not finish; never the media's fault.</summary>
public sealed class MediaToolException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Runs ffmpeg and ffprobe as child processes. Output is bounded, a timeout or cancellation kills the whole process
/// tree (ffmpeg may start helpers), and the caller never waits on a process that was told to stop.
/// </summary>
public static class ExternalTool
{
    private const int ErrorTailChars = 8 * 1024;

    public static async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(invocation.Executable, invocation.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException(
                $"Cannot start '{invocation.Executable}': {exception.Message}. Install it (Debian: apt-get install ffmpeg) or set {invocation.SettingName} to its full path.",
                exception);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(invocation.Timeout);
        var output = new StringBuilder();
        var truncated = false;
        var error = new StringBuilder();

        var readOutput = invocation.OnOutputLine is { } onLine
            ? ForEachLineAsync(process.StandardOutput, onLine, timeout.Token)
            : CaptureAsync(process.StandardOutput, output, invocation.MaxOutputBytes, () => truncated = true, timeout.Token);
        var readError = KeepTailAsync(process.StandardError, error, timeout.Token);

        try
        {
            await Task.WhenAll(readOutput, readError, process.WaitForExitAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(invocation.Executable)} did not finish within {invocation.Timeout}.");
        }
        catch
        {
            Kill(process);
            throw;
        }

        return new ToolResult(process.ExitCode, output.ToString(), truncated, error.ToString().Trim());
    }

    private static async Task ForEachLineAsync(StreamReader reader, Func<string, ValueTask> onLine, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            await onLine(line);
        }
    }

    private static async Task CaptureAsync(StreamReader reader, StringBuilder output, int maxBytes, Action onTruncated, CancellationToken cancellationToken)
    {
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            // Characters approximate bytes closely enough for a safety bound; the rest is drained so the tool can exit.
            var room = Math.Max(0, maxBytes - output.Length);
            output.Append(buffer, 0, Math.Min(read, room));
            if (read > room)
            {
                onTruncated();
            }
        }
    }

    private static async Task KeepTailAsync(StreamReader reader, StringBuilder tail, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * ErrorTailChars)
            {
                tail.Remove(0, tail.Length - ErrorTailChars);
            }
        }

        if (tail.Length > ErrorTailChars)
        {
            tail.Remove(0, tail.Length - ErrorTailChars);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            // Bounded: a process stuck in uninterruptible I/O must not hang the worker.
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
