namespace StreamingApp.Auth.Tests.Users;

/// <summary>The behaviour every <see cref="IUserStore"/> provider must have.</summary>
public abstract class UserStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IUserStore> CreateStoreAsync();

    [Fact]
    public async Task A_created_user_is_found_by_id_and_by_email_in_any_case()
    {
        var store = await CreateStoreAsync();
        var user = NewUser("Ada.Lovelace@example.com") with { Roles = [AppRoles.Viewer, AppRoles.Creator], EmailVerified = true };

        var created = await store.CreateAsync(user, Cancellation);

        Assert.NotNull(created);
        Assert.Equal(1, created.Version);
        var byId = await store.GetAsync(user.Id, Cancellation);
        var byEmail = await store.FindByEmailAsync("  ada.lovelace@EXAMPLE.com ", Cancellation);
        Assert.Equal(created with { Roles = [], RecoveryCodeHashes = [] }, byId! with { Roles = [], RecoveryCodeHashes = [] });
        Assert.Equal(user.Roles, byId.Roles);
        Assert.Equal(user.Id, byEmail?.Id);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewUser("twice@example.com"), Cancellation);

        var second = await store.CreateAsync(NewUser("TWICE@example.com"), Cancellation);

        Assert.Null(second);
    }

    [Fact]
    public async Task Unknown_ids_and_emails_read_as_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Guid.NewGuid().ToString("N"), Cancellation));
        Assert.Null(await store.FindByEmailAsync("nobody@example.com", Cancellation));
    }

    [Fact]
    public async Task A_stale_update_is_refused()
    {
        var store = await CreateStoreAsync();
        var created = (await store.CreateAsync(NewUser("edit@example.com"), Cancellation))!;

        var first = await store.UpdateAsync(created with { DisplayName = "New name" }, Cancellation);
        var stale = await store.UpdateAsync(created with { Disabled = true }, Cancellation);

        Assert.Equal(2, first?.Version);
        Assert.Null(stale);
        var stored = await store.GetAsync(created.Id, Cancellation);
        Assert.Equal("New name", stored!.DisplayName);
        Assert.False(stored.Disabled);
    }

    [Fact]
    public async Task Search_matches_email_or_display_name_in_any_case_oldest_first_a_page_at_a_time()
    {
        var store = await CreateStoreAsync();
        for (var index = 0; index < 5; index++)
        {
            await store.CreateAsync(NewUser($"member{index}@example.com") with { CreatedAt = Now.AddMinutes(index) }, Cancellation);
        }

        await store.CreateAsync(NewUser("someone@example.com") with { DisplayName = "Grace Hopper", CreatedAt = Now.AddMinutes(10) }, Cancellation);
        await store.CreateAsync(NewUser("percent%@example.com") with { CreatedAt = Now.AddMinutes(11) }, Cancellation);

        var second = await store.SearchAsync("MEMBER", page: 2, pageSize: 2, Cancellation);
        var byName = await store.SearchAsync("hopper", 1, 10, Cancellation);
        var literal = await store.SearchAsync("%", 1, 10, Cancellation);
        var everyone = await store.SearchAsync(null, 1, 100, Cancellation);

        Assert.Equal(5, second.Total);
        Assert.Equal(["member2@example.com", "member3@example.com"], second.Items.Select(user => user.Email));
        Assert.Equal("someone@example.com", Assert.Single(byName.Items).Email);
        Assert.Equal("percent%@example.com", Assert.Single(literal.Items).Email);
        Assert.Equal(7, everyone.Total);
    }

    [Fact]
    public async Task Revoked_accounts_are_listed_from_an_instant_on_earliest_first()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewUser("never@example.com"), Cancellation);
        await store.CreateAsync(NewUser("old@example.com") with { TokensValidAfter = Now.AddMinutes(-30) }, Cancellation);
        await store.CreateAsync(NewUser("later@example.com") with { TokensValidAfter = Now.AddMinutes(2) }, Cancellation);
        await store.CreateAsync(NewUser("recent@example.com") with { TokensValidAfter = Now }, Cancellation);

        var revoked = await store.ListRevokedSinceAsync(Now, 10, Cancellation);
        var first = await store.ListRevokedSinceAsync(Now.AddHours(-1), 1, Cancellation);

        Assert.Equal(["recent@example.com", "later@example.com"], revoked.Select(user => user.Email));
        Assert.Equal("old@example.com", Assert.Single(first).Email);
    }

    [Fact]
    public async Task Security_state_survives_a_round_trip()
    {
        var store = await CreateStoreAsync();
        var user = NewUser("secure@example.com") with
        {
            TokensValidAfter = Now,
            FailedSignIns = 3,
            LockedUntil = Now.AddMinutes(15),
            TotpSecret = "v1.secret",
            PendingTotpSecret = "v1.pending",
            LastTotpTimeStep = 12345,
            RecoveryCodeHashes = ["a", "b"],
            LastSignInAt = Now.AddMinutes(-1),
        };

        await store.CreateAsync(user, Cancellation);
        var stored = (await store.GetAsync(user.Id, Cancellation))!;

        Assert.Equal(user with { Version = 1, Roles = [], RecoveryCodeHashes = [] }, stored with { Roles = [], RecoveryCodeHashes = [] });
        Assert.Equal(["a", "b"], stored.RecoveryCodeHashes);
        Assert.True(stored.TotpEnabled);
    }

    protected static User NewUser(string email) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"),
        Email = email,
        NormalizedEmail = User.Normalize(email),
        DisplayName = "Someone",
        PasswordHash = "hash",
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
