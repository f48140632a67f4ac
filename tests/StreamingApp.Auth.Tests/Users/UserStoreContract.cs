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
        var user = NewUser("Ada.Lovelace@example.com") with { Roles = [UserRoles.Viewer, UserRoles.Creator], EmailVerified = true };

        var created = await store.CreateAsync(user, Cancellation);

        Assert.NotNull(created);
        Assert.Equal(1, created.Version);
        var byId = await store.GetAsync(user.Id, Cancellation);
        var byEmail = await store.FindByEmailAsync("  ada.lovelace@EXAMPLE.com ", Cancellation);
        Assert.Equal(created with { Roles = [] }, byId! with { Roles = [] });
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
