using System.Buffers;

namespace StreamingApp.Api.Storage;

/// <summary>
/// Object keys are built by the Api, never taken from users; this guard makes sure a key can neither escape
/// the local storage folder nor carry characters that differ between file systems and S3.
/// </summary>
public static class BlobKey
{
    public const int MaxLength = 512;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./");

    public static string Validate(string key) => IsValid(key)
        ? key
        : throw new ArgumentException($"'{key}' is not a valid object key (letters, digits, '-', '_', '.', '/' segments, at most {MaxLength} characters).", nameof(key));

    /// <summary>A prefix is a key that may end with a slash (or be empty, meaning everything).</summary>
    public static string ValidatePrefix(string prefix) =>
        prefix.Length == 0 || IsValid(prefix.TrimEnd('/')) ? prefix : Validate(prefix);

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength
        && !key.AsSpan().ContainsAnyExcept(Allowed)
        && key.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
}
