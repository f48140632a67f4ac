using System.Diagnostics;

namespace StreamingApp.AppHost.Resources;

/// <summary>
/// Decides, before the model is built, whether containers can run here. A container resource without a runtime
/// only reports itself unhealthy, but anything that waits for it never starts, so the choice is made up front.
/// </summary>
public static class ContainerRuntime
{
    /// <summary><c>StreamingApp:Containers</c> = <c>auto</c> (default, probe the runtime), <c>on</c> or <c>off</c>.</summary>
    public const string SettingKey = "StreamingApp:Containers";

    public static bool IsAvailable(IConfiguration configuration)
    {
        var setting = configuration[SettingKey]?.ToLowerInvariant() ?? "auto";
        return setting switch
        {
            "on" or "true" => true,
            "off" or "false" => false,
            _ => Probe(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker"),
        };
    }

    private static bool Probe(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The runtime's command-line client is not installed.
            return false;
        }
    }
}
