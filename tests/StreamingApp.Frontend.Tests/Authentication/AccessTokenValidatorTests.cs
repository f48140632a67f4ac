using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace StreamingApp.Frontend.Tests.Authentication;

public sealed class AccessTokenValidatorTests
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private readonly TestTokenIssuer _issuer = new();

    [Fact]
    public async Task A_valid_token_becomes_the_signed_in_user_with_name_email_and_roles()
    {
        var user = await _issuer.Validator().ValidateAsync(_issuer.Token("u1", [Roles.Viewer, Roles.Creator]), Cancellation);

        Assert.Equal("User u1", user.Identity!.Name);
        Assert.Equal("u1", user.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("u1@example.com", user.FindFirstValue("email"));
        Assert.True(user.IsInRole(Roles.Creator));
        Assert.False(user.IsInRole(Roles.Admin));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        await Assert.ThrowsAnyAsync<SecurityTokenException>(() =>
            _issuer.Validator().ValidateAsync(_issuer.Token("u1", [Roles.Viewer], audience: "someone-else"), Cancellation));
    }

    [Fact]
    public async Task A_token_signed_with_a_shared_secret_is_refused_even_with_the_right_claims()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = "test-key" };

        await Assert.ThrowsAnyAsync<SecurityTokenException>(() =>
            _issuer.Validator().ValidateAsync(_issuer.Token("u1", [Roles.Admin], key: secret, algorithm: SecurityAlgorithms.HmacSha256), Cancellation));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        var stranger = new TestTokenIssuer();

        await Assert.ThrowsAnyAsync<SecurityTokenException>(() =>
            _issuer.Validator().ValidateAsync(stranger.Token("u1", [Roles.Admin]), Cancellation));
    }
}
