using Microsoft.Extensions.Time.Testing;
using StreamingApp.ServiceDefaults.Authentication;

namespace StreamingApp.ServiceDefaults.Tests.Authentication;

public sealed class RevocationListTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tokens_issued_before_a_subjects_revocation_are_refused_and_later_ones_accepted()
    {
        var list = NewList(failClosed: false);

        list.Apply(new RevocationFeedPage([new RevokedSubject("user", Start)], Start, 930, false));

        Assert.True(await list.IsRevokedAsync("user", Start.AddSeconds(-1), Cancellation));
        Assert.False(await list.IsRevokedAsync("user", Start, Cancellation));
        Assert.False(await list.IsRevokedAsync("someone-else", Start.AddSeconds(-1), Cancellation));
    }

    [Fact]
    public async Task The_latest_revocation_wins_and_entries_older_than_the_window_are_forgotten()
    {
        var list = NewList(failClosed: false);
        list.Apply(new RevocationFeedPage([new RevokedSubject("user", Start.AddSeconds(10)), new RevokedSubject("user", Start)], Start, 930, false));
        Assert.True(await list.IsRevokedAsync("user", Start.AddSeconds(5), Cancellation));

        _time.Advance(TimeSpan.FromSeconds(941));
        list.Apply(new RevocationFeedPage([], _time.GetUtcNow(), 930, false));

        Assert.Equal(0, list.Count);
    }

    [Fact]
    public async Task A_stale_feed_refuses_every_token_only_when_failing_closed()
    {
        var open = NewList(failClosed: false);
        var closed = NewList(failClosed: true);
        open.Apply(new RevocationFeedPage([], Start, 930, false));
        closed.Apply(new RevocationFeedPage([], Start, 930, false));
        Assert.False(await closed.IsRevokedAsync("user", Start, Cancellation));

        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.True(open.IsStale);
        Assert.False(await open.IsRevokedAsync("user", Start, Cancellation));
        Assert.True(await closed.IsRevokedAsync("user", Start, Cancellation));
    }

    private RevocationList NewList(bool failClosed) => new(
        Microsoft.Extensions.Options.Options.Create(new TokenAuthenticationOptions { Revocations = new RevocationFeedOptions { FailClosed = failClosed } }),
        _time);
}
