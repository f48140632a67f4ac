using Microsoft.Extensions.Time.Testing;
using StreamingApp.Api.Playback;

namespace StreamingApp.Api.Tests.Playback;

public sealed class MediaTokenTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 1, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_admits_every_key_under_its_scope_until_it_expires()
    {
        var token = new MediaToken(Key, _time);
        var (scope, exp, sig) = Parse(token.CreateQuery("media/abc/v1/", _time.GetUtcNow().AddMinutes(10)));

        Assert.Equal(MediaTokenCheck.Valid, token.Check("media/abc/v1/master.m3u8", scope, exp, sig));
        Assert.Equal(MediaTokenCheck.Valid, token.Check("media/abc/v1/720p/segment_00001.m4s", scope, exp, sig));
        Assert.Equal(MediaTokenCheck.OutOfScope, token.Check("media/abd/v1/master.m3u8", scope, exp, sig));
        Assert.Equal(MediaTokenCheck.OutOfScope, token.Check("media/abc/v2/master.m3u8", scope, exp, sig));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(MediaTokenCheck.Expired, token.Check("media/abc/v1/master.m3u8", scope, exp, sig));
    }

    [Fact]
    public void A_single_key_scope_admits_only_that_key()
    {
        var token = new MediaToken(Key, _time);
        var (scope, exp, sig) = Parse(token.CreateQuery("media/abc/v1/thumbnail.jpg", _time.GetUtcNow().AddMinutes(10)));

        Assert.Equal(MediaTokenCheck.Valid, token.Check("media/abc/v1/thumbnail.jpg", scope, exp, sig));
        Assert.Equal(MediaTokenCheck.OutOfScope, token.Check("media/abc/v1/master.m3u8", scope, exp, sig));
    }

    [Fact]
    public void Tampering_with_scope_expiry_or_signature_is_detected()
    {
        var token = new MediaToken(Key, _time);
        var (scope, exp, sig) = Parse(token.CreateQuery("media/abc/v1/", _time.GetUtcNow().AddMinutes(10)));

        Assert.Equal(MediaTokenCheck.Invalid, token.Check("media/xyz/v1/master.m3u8", "media/xyz/v1/", exp, sig));
        Assert.Equal(MediaTokenCheck.Invalid, token.Check("media/abc/v1/master.m3u8", scope, (long.Parse(exp) + 3600).ToString(), sig));
        Assert.Equal(MediaTokenCheck.Invalid, token.Check("media/abc/v1/master.m3u8", scope, exp, "A" + sig[1..]));
        Assert.Equal(MediaTokenCheck.Missing, token.Check("media/abc/v1/master.m3u8", scope, null, sig));
        Assert.Equal(MediaTokenCheck.Missing, token.Check("media/abc/v1/master.m3u8", scope, "-5", sig));
        Assert.Equal(MediaTokenCheck.Invalid, new MediaToken(new byte[32], _time).Check("media/abc/v1/master.m3u8", scope, exp, sig));
    }

    [Fact]
    public void Urls_signed_within_one_step_are_identical_and_last_at_least_the_lifetime()
    {
        var window = new SigningWindow(_time, new PlaybackOptions { UrlLifetime = TimeSpan.FromHours(1), SigningGranularity = TimeSpan.FromMinutes(10) });

        var first = window.NextExpiry();
        _time.Advance(TimeSpan.FromMinutes(3));
        var second = window.NextExpiry();

        Assert.Equal(first, second);
        Assert.True(first >= _time.GetUtcNow().AddHours(1));
        Assert.True(first <= _time.GetUtcNow().AddHours(1).AddMinutes(10));
    }

    private static (string Scope, string Exp, string Sig) Parse(string query)
    {
        var values = System.Web.HttpUtility.ParseQueryString(query);
        return (values["scope"]!, values["exp"]!, values["sig"]!);
    }
}
