using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.Tests.Security;

public sealed class KeyEncryptionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("kek");

    [Fact]
    public void A_secret_decrypts_only_under_the_same_key_and_purpose()
    {
        var encryption = new KeyEncryption(RandomNumberGenerator.GetBytes(32));
        var other = new KeyEncryption(RandomNumberGenerator.GetBytes(32));

        var protectedValue = encryption.Protect("secret"u8, "signing-key:a");

        Assert.Equal("secret"u8.ToArray(), encryption.Unprotect(protectedValue, "signing-key:a"));
        Assert.Throws<CryptographicException>(() => encryption.Unprotect(protectedValue, "signing-key:b"));
        var wrongKey = Assert.Throws<CryptographicException>(() => other.Unprotect(protectedValue, "signing-key:a"));
        Assert.Contains("Auth:KeyEncryptionKey", wrongKey.Message, StringComparison.Ordinal);
        Assert.NotEqual(protectedValue, encryption.Protect("secret"u8, "signing-key:a"));
    }

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_into_a_file_only_the_owner_reads()
    {
        var file = _directory.Combine("keys", "key-encryption-key");

        var first = KeyEncryption.Load(null, file, NullLogger.Instance);
        var second = KeyEncryption.Load(null, file, NullLogger.Instance);

        Assert.Equal("x"u8.ToArray(), second.Unprotect(first.Protect("x"u8, "p"), "p"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, new FileInfo(file).UnixFileMode);
    }

    [Fact]
    public void A_configured_key_must_be_32_bytes_of_base64()
    {
        Assert.Throws<InvalidOperationException>(() => KeyEncryption.Load("not base64!", _directory.Combine("unused"), NullLogger.Instance));
        Assert.Throws<InvalidOperationException>(() => KeyEncryption.Load(Convert.ToBase64String(new byte[16]), _directory.Combine("unused"), NullLogger.Instance));
        Assert.False(File.Exists(_directory.Combine("unused")));
    }

    public void Dispose() => _directory.Dispose();
}
