using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Tests.Playback;

public sealed class CloudFrontUrlSignerTests : IDisposable
{
    private static readonly DateTimeOffset Expiry = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new("cloudfront");
    private readonly RSA _key = RSA.Create(2048);

    private CloudFrontUrlSigner NewSigner() => new(new CdnOptions
    {
        BaseUrl = "https://d111111abcdef8.cloudfront.net/",
        KeyPairId = "K2JCJMDEHXQW5F",
        PrivateKeyPem = _key.ExportRSAPrivateKeyPem(),
    });

    [Fact]
    public void The_policy_is_compact_json_with_a_wildcard_over_the_video_folder()
    {
        using var signer = NewSigner();

        var url = new Uri(signer.Sign("media/abc/v1/", "media/abc/v1/master.m3u8", Expiry));
        var query = HttpUtility.ParseQueryString(url.Query);
        var policy = Encoding.UTF8.GetString(FromCloudFrontBase64(query["Policy"]!));

        Assert.Equal("https://d111111abcdef8.cloudfront.net/media/abc/v1/master.m3u8", url.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            """{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/media/abc/v1/*","Condition":{"DateLessThan":{"AWS:EpochTime":1796119200}}}]}""",
            policy);
        Assert.Equal("K2JCJMDEHXQW5F", query["Key-Pair-Id"]);
        Assert.DoesNotContain('+', query["Signature"]!);
        Assert.DoesNotContain('/', query["Signature"]!);
        Assert.DoesNotContain('=', query["Signature"]!);
    }

    [Fact]
    public void The_signature_verifies_with_the_public_key_over_sha1()
    {
        using var signer = NewSigner();

        var query = HttpUtility.ParseQueryString(new Uri(signer.Sign("media/abc/v1/", "media/abc/v1/360p/index.m3u8", Expiry)).Query);

        Assert.True(_key.VerifyData(FromCloudFrontBase64(query["Policy"]!), FromCloudFrontBase64(query["Signature"]!), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task The_signature_is_what_openssl_produces_and_accepts()
    {
        using var signer = NewSigner();
        var query = HttpUtility.ParseQueryString(new Uri(signer.Sign("media/abc/v1/", "media/abc/v1/master.m3u8", Expiry)).Query);
        var policyPath = _directory.Combine("policy.json");
        var keyPath = _directory.Combine("private.pem");
        var publicPath = _directory.Combine("public.pem");
        var signaturePath = _directory.Combine("signature.bin");
        await File.WriteAllBytesAsync(policyPath, FromCloudFrontBase64(query["Policy"]!), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyPath, _key.ExportRSAPrivateKeyPem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(publicPath, _key.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(signaturePath, FromCloudFrontBase64(query["Signature"]!), TestContext.Current.CancellationToken);

        var verified = await OpenSslAsync("dgst", "-sha1", "-verify", publicPath, "-signature", signaturePath, policyPath);
        var opensslSignature = await OpenSslBytesAsync("dgst", "-sha1", "-sign", keyPath, policyPath);

        Assert.Contains("Verified OK", verified, StringComparison.Ordinal);
        Assert.Equal(CloudFrontUrlSigner.CloudFrontBase64(opensslSignature), query["Signature"]);
    }

    [Fact]
    public void A_single_object_scope_is_signed_without_a_wildcard()
    {
        using var signer = NewSigner();

        var query = HttpUtility.ParseQueryString(new Uri(signer.Sign("media/abc/v1/thumbnail.jpg", "media/abc/v1/thumbnail.jpg", Expiry)).Query);

        Assert.Contains("\"Resource\":\"https://d111111abcdef8.cloudfront.net/media/abc/v1/thumbnail.jpg\"", Encoding.UTF8.GetString(FromCloudFrontBase64(query["Policy"]!)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_private_key_fails_at_start_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CloudFrontUrlSigner(new CdnOptions { BaseUrl = "https://x", KeyPairId = "K", PrivateKeyPem = "not a key" }));

        Assert.Contains("Cdn:PrivateKeyPem", error.Message, StringComparison.Ordinal);
    }

    private static byte[] FromCloudFrontBase64(string value) => Convert.FromBase64String(value.Replace('-', '+').Replace('_', '=').Replace('~', '/'));

    private static async Task<string> OpenSslAsync(params string[] arguments) => Encoding.UTF8.GetString(await OpenSslBytesAsync(arguments));

    private static async Task<byte[]> OpenSslBytesAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output.ToArray();
    }

    public void Dispose()
    {
        _key.Dispose();
        _directory.Dispose();
    }
}
