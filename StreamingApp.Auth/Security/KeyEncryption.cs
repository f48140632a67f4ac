using System.Security.Cryptography;
using System.Text;

namespace StreamingApp.Auth.Security;

/// <summary>
/// Encrypts secrets kept in the database (signing keys, TOTP secrets) with AES-256-GCM under one key-encryption key.
/// The purpose (for example the key id) is bound as associated data, so a ciphertext copied into another row does not decrypt.
/// </summary>
public sealed class KeyEncryption
{
    public const int KeySize = 32;
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public KeyEncryption(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw new InvalidOperationException($"The key-encryption key must be {KeySize} bytes (base64 of 32 random bytes), not {key.Length}.");
        }

        _key = key;
    }

    public string Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(purpose));
        return Prefix + Convert.ToBase64String(output);
    }

    public byte[] Unprotect(string protectedValue, string purpose)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException($"The protected value for {purpose} has an unknown format.");
        }

        var input = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"The protected value for {purpose} is truncated.");
        }

        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, plaintext.Length), input.AsSpan(NonceSize + plaintext.Length), plaintext, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException(
                $"Cannot decrypt {purpose}: it was encrypted under another key-encryption key. Every replica needs the same Auth:KeyEncryptionKey.", exception);
        }

        return plaintext;
    }

    /// <summary>
    /// <c>Auth:KeyEncryptionKey</c> when configured (production: from a secret store); otherwise a key generated once into
    /// <paramref name="keyFile"/>, readable by the service's user only.
    /// </summary>
    public static KeyEncryption Load(string? configuredKey, string keyFile, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            try
            {
                return new KeyEncryption(Convert.FromBase64String(configuredKey));
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException("Auth:KeyEncryptionKey is not base64 (expected base64 of 32 random bytes).", exception);
            }
        }

        return new KeyEncryption(ReadOrCreateKeyFile(keyFile, logger));
    }

    private static byte[] ReadOrCreateKeyFile(string keyFile, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        try
        {
            var key = RandomNumberGenerator.GetBytes(KeySize);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(keyFile, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }

            logger.LogWarning(
                "Generated a key-encryption key in {KeyFile}. Set Auth:KeyEncryptionKey from a secret store when replicas share the database.", keyFile);
            return key;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Created earlier, or by another process a moment ago.
            var text = File.ReadAllText(keyFile).Trim();
            return text.Length == 0
                ? throw new InvalidOperationException($"The key file {keyFile} is empty; delete it only together with the signing keys and TOTP secrets it protects.")
                : Convert.FromBase64String(text);
        }
    }
}
