using StreamingApp.Api.History;

namespace StreamingApp.Api.Tests.History;

/// <summary>The behaviour every <see cref="IWatchHistoryStore"/> provider must have.</summary>
public abstract class WatchHistoryStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IWatchHistoryStore> CreateStoreAsync();

    [Fact]
    public async Task Saving_again_replaces_the_position()
    {
        var store = await CreateStoreAsync();

        await store.SaveAsync(new WatchProgress("u1", "v1", 12.5, Now), Cancellation);
        await store.SaveAsync(new WatchProgress("u1", "v1", 40.25, Now.AddMinutes(1)), Cancellation);

        Assert.Equal(new WatchProgress("u1", "v1", 40.25, Now.AddMinutes(1)), await store.GetAsync("u1", "v1", Cancellation));
        Assert.Single(await store.ListAsync("u1", 10, Cancellation));
    }

    [Fact]
    public async Task History_lists_one_viewers_videos_most_recent_first_up_to_the_limit()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(new WatchProgress("u1", "old", 1, Now), Cancellation);
        await store.SaveAsync(new WatchProgress("u1", "new", 2, Now.AddHours(2)), Cancellation);
        await store.SaveAsync(new WatchProgress("u1", "middle", 3, Now.AddHours(1)), Cancellation);
        await store.SaveAsync(new WatchProgress("u2", "other", 4, Now.AddHours(3)), Cancellation);

        var recent = await store.ListAsync("u1", 2, Cancellation);

        Assert.Equal(["new", "middle"], recent.Select(entry => entry.VideoId));
        Assert.Null(await store.GetAsync("u1", "other", Cancellation));
    }

    [Fact]
    public async Task A_deleted_video_leaves_everyones_history()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(new WatchProgress("u1", "gone", 1, Now), Cancellation);
        await store.SaveAsync(new WatchProgress("u2", "gone", 2, Now), Cancellation);
        await store.SaveAsync(new WatchProgress("u2", "kept", 3, Now), Cancellation);

        await store.DeleteForVideoAsync("gone", Cancellation);

        Assert.Empty(await store.ListAsync("u1", 10, Cancellation));
        Assert.Equal(["kept"], (await store.ListAsync("u2", 10, Cancellation)).Select(entry => entry.VideoId));
    }
}
