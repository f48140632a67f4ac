using StreamingApp.Auth.Sessions;

namespace StreamingApp.Auth.Tests.Sessions;

/// <summary>The behaviour every <see cref="IRefreshTokenStore"/> provider must have.</summary>
public abstract class RefreshTokenStoreContract : AuthStoreContract
{
    protected abstract Task<IRefreshTokenStore> CreateStoreAsync();

    [Fact]
    public async Task A_token_round_trips_and_its_hash_is_unique()
    {
        var store = await CreateStoreAsync();
        var token = NewToken("user", "family") with { UsedAt = Now, ReplacedBy = "next" };

        var created = await store.CreateAsync(token, Cancellation);
        var duplicate = await store.CreateAsync(token, Cancellation);

        Assert.Equal(token with { Version = 1 }, created);
        Assert.Null(duplicate);
        Assert.Equal(created, await store.GetAsync(token.Id, Cancellation));
    }

    [Fact]
    public async Task Of_two_rotations_of_the_same_read_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var token = (await store.CreateAsync(NewToken("user", "family"), Cancellation))!;

        var results = await Task.WhenAll(
            store.UpdateAsync(token with { UsedAt = Now, ReplacedBy = "a" }, Cancellation),
            store.UpdateAsync(token with { UsedAt = Now, ReplacedBy = "b" }, Cancellation));

        Assert.Single(results, result => result is not null);
    }

    [Fact]
    public async Task Revoking_a_family_revokes_only_its_unrevoked_tokens_and_bumps_their_versions()
    {
        var store = await CreateStoreAsync();
        var first = (await store.CreateAsync(NewToken("user", "family"), Cancellation))!;
        var second = (await store.CreateAsync(NewToken("user", "family"), Cancellation))!;
        var earlier = (await store.CreateAsync(NewToken("user", "family") with { RevokedAt = Now.AddDays(-1), RevokedReason = "signed-out" }, Cancellation))!;
        var other = (await store.CreateAsync(NewToken("user", "other"), Cancellation))!;

        var revoked = await store.RevokeFamilyAsync("family", Now, RevocationReasons.Reused, Cancellation);

        Assert.Equal(2, revoked);
        var stored = (await store.GetAsync(first.Id, Cancellation))!;
        Assert.Equal(Now, stored.RevokedAt);
        Assert.Equal(RevocationReasons.Reused, stored.RevokedReason);
        Assert.Equal(2, stored.Version);
        Assert.Equal(Now, (await store.GetAsync(second.Id, Cancellation))!.RevokedAt);
        Assert.Equal("signed-out", (await store.GetAsync(earlier.Id, Cancellation))!.RevokedReason);
        Assert.Null((await store.GetAsync(other.Id, Cancellation))!.RevokedAt);
        Assert.Null(await store.UpdateAsync(first with { UsedAt = Now }, Cancellation));
    }

    [Fact]
    public async Task Revoking_a_user_can_keep_one_session()
    {
        var store = await CreateStoreAsync();
        var kept = (await store.CreateAsync(NewToken("user", "current"), Cancellation))!;
        var ended = (await store.CreateAsync(NewToken("user", "elsewhere"), Cancellation))!;
        var stranger = (await store.CreateAsync(NewToken("stranger", "theirs"), Cancellation))!;

        Assert.Equal(1, await store.RevokeUserAsync("user", "current", Now, RevocationReasons.PasswordChanged, Cancellation));
        Assert.Null((await store.GetAsync(kept.Id, Cancellation))!.RevokedAt);
        Assert.NotNull((await store.GetAsync(ended.Id, Cancellation))!.RevokedAt);

        Assert.Equal(1, await store.RevokeUserAsync("user", null, Now, RevocationReasons.SignedOutEverywhere, Cancellation));
        Assert.NotNull((await store.GetAsync(kept.Id, Cancellation))!.RevokedAt);
        Assert.Null((await store.GetAsync(stranger.Id, Cancellation))!.RevokedAt);
    }

    [Fact]
    public async Task Expired_tokens_are_deleted()
    {
        var store = await CreateStoreAsync();
        var expired = (await store.CreateAsync(NewToken("user", "family") with { ExpiresAt = Now.AddSeconds(-1) }, Cancellation))!;
        var valid = (await store.CreateAsync(NewToken("user", "family"), Cancellation))!;

        Assert.Equal(1, await store.DeleteExpiredAsync(Now, Cancellation));
        Assert.Null(await store.GetAsync(expired.Id, Cancellation));
        Assert.NotNull(await store.GetAsync(valid.Id, Cancellation));
    }

    protected static RefreshToken NewToken(string userId, string familyId) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        UserId = userId,
        FamilyId = familyId,
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(30),
    };
}
