using System.Security.Cryptography;

namespace StreamingApp.ServiceDefaults.Security;

/// <summary>
/// A random secret generated once into a file only the service's user can read, for local and single-node use
/// when no secret is configured. Deployments with several replicas configure the secret instead, so that every
/// replica shares it.
/// </summary>
public static class LocalSecret
{
    public static byte[] GetOrCreate(string path, int length)
    {
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return existing.Length >= length
                ? existing
                : throw new InvalidOperationException($"The secret in {path} is shorter than {length} bytes; delete it to generate a new one.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = RandomNumberGenerator.GetBytes(length);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Convert.ToBase64String(secret));
        }

        try
        {
            // Another process may have won the race; keep whichever secret landed first.
            File.Move(temporary, path, overwrite: false);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return GetOrCreate(path, length);
        }
    }
}
