using System.Text;
using System.Text.RegularExpressions;

namespace StreamingApp.EndToEnd.Tests;

/// <summary>The .eml files Auth writes to its pickup folder in local and test runs, read the way a person follows a link.</summary>
public sealed partial class Mailbox(string directory)
{
    /// <summary>The first link to <paramref name="path"/> in a message to <paramref name="recipient"/>, waiting for it to arrive.</summary>
    public async Task<Uri> WaitForLinkAsync(string recipient, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml").Order().Reverse())
                {
                    var message = Decode(await File.ReadAllTextAsync(file));
                    if (message.Contains(recipient, StringComparison.OrdinalIgnoreCase)
                        && Link().Matches(message).Select(match => match.Value).FirstOrDefault(link => link.Contains(path, StringComparison.Ordinal)) is { } found)
                    {
                        return new Uri(found);
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No message to {recipient} with a link to {path} arrived in {directory} within {timeout}.");
    }

    /// <summary>Undoes quoted-printable soft line breaks and escapes, and base64 bodies, enough to find links.</summary>
    private static string Decode(string raw)
    {
        var text = QuotedPrintable().Replace(raw.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal),
            match => ((char)Convert.ToByte(match.Groups[1].Value, 16)).ToString());
        var decoded = new StringBuilder(text);
        foreach (Match block in Base64Block().Matches(raw))
        {
            try
            {
                decoded.AppendLine(Encoding.UTF8.GetString(Convert.FromBase64String(block.Value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal))));
            }
            catch (FormatException)
            {
                // Not a base64 body after all.
            }
        }

        return decoded.ToString();
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedPrintable();

    [GeneratedRegex(@"(?<=\r?\n\r?\n)(?:[A-Za-z0-9+/=]{60,}\r?\n)+[A-Za-z0-9+/=]*")]
    private static partial Regex Base64Block();
}
