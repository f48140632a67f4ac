using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using StreamingApp.Auth.Apis;

namespace StreamingApp.Auth.Tests.Apis;

public sealed class TwoFactorTests(AuthServerFixture fixture) : AuthApiTest(fixture)
{
    [Fact]
    public async Task Enable_sign_in_with_a_code_then_with_a_single_use_recovery_code_then_disable()
    {
        var account = await Auth.CreateAccountAsync();

        using var setup = await PostAsync("/api/auth/totp/setup", null, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var details = await setup.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var secret = Base32Encoding.ToBytes(details.GetProperty("secret").GetString());
        Assert.StartsWith("otpauth://totp/StreamingApp:", details.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", details.GetProperty("qrCodeDataUri").GetString(), StringComparison.Ordinal);

        using var wrongCode = await PostAsync("/api/auth/totp/enable", new { code = "000000" == Code(secret) ? "111111" : "000000" }, account.AccessToken);
        await AssertProblemAsync(wrongCode, HttpStatusCode.BadRequest, AuthProblems.InvalidCode);

        using var enabled = await PostAsync("/api/auth/totp/enable", new { code = Code(secret) }, account.AccessToken);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = (await enabled.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("recoveryCodes")
            .EnumerateArray().Select(code => code.GetString()!).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True((await GetJsonAsync("/api/auth/me", account.AccessToken)).GetProperty("totpEnabled").GetBoolean());

        using var withoutCode = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password });
        await AssertProblemAsync(withoutCode, HttpStatusCode.Forbidden, AuthProblems.TotpRequired);

        // The next step's code: the one used to enable cannot be replayed.
        var nextCode = Code(secret, TimeSpan.FromSeconds(30));
        await ReadTokensAsync(await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password, totpCode = nextCode }));
        using var replayed = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password, totpCode = nextCode });
        await AssertProblemAsync(replayed, HttpStatusCode.Unauthorized, AuthProblems.InvalidCredentials);

        var recovered = await ReadTokensAsync(await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password, totpCode = recoveryCodes[0].ToUpperInvariant() }));
        using var reused = await PostAsync("/api/auth/login", new { email = account.Email, password = account.Password, totpCode = recoveryCodes[0] });
        await AssertProblemAsync(reused, HttpStatusCode.Unauthorized, AuthProblems.InvalidCredentials);

        using var disabled = await PostAsync("/api/auth/totp/disable", new { code = recoveryCodes[1] }, recovered.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        await Auth.LoginAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task Enabling_needs_a_set_up_and_two_factor_endpoints_need_a_signed_in_caller()
    {
        var account = await Auth.CreateAccountAsync();

        using var notSetUp = await PostAsync("/api/auth/totp/enable", new { code = "123456" }, account.AccessToken);
        using var notEnabled = await PostAsync("/api/auth/totp/disable", new { code = "123456" }, account.AccessToken);
        using var anonymous = await PostAsync("/api/auth/totp/setup", null);

        await AssertProblemAsync(notSetUp, HttpStatusCode.Conflict, AuthProblems.TotpNotSetUp);
        await AssertProblemAsync(notEnabled, HttpStatusCode.Conflict, AuthProblems.TotpNotEnabled);
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, AuthProblems.Unauthorized);
    }

    private static string Code(byte[] secret, TimeSpan? ahead = null) => new Totp(secret).ComputeTotp(DateTime.UtcNow + (ahead ?? TimeSpan.Zero));
}
