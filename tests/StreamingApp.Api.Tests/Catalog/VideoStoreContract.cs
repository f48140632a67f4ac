namespace StreamingApp.Api.Tests.Catalog;

/// <summary>The behaviour every <see cref="IVideoStore"/> provider must have; SQLite always runs it, MongoDB when a server is configured.</summary>
public abstract class VideoStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IVideoStore> CreateStoreAsync();

    [Fact]
    public async Task A_created_video_reads_back_with_every_field()
    {
        var store = await CreateStoreAsync();
        var video = NewVideo("Night Train") with
        {
            Description = "A long ride.",
            Tags = ["rail", "night"],
            ReleaseYear = 2024,
            DurationSeconds = 93.5,
            Status = VideoStatus.Ready,
            ProcessingProgress = 100,
            AllowedCountries = ["FR", "DE"],
            BlockedCountries = ["US"],
            Renditions = [new Rendition(640, 360, 900_000, "avc1.64001e,mp4a.40.2", "360p/index.m3u8")],
            MediaPrefix = "media/x/v1/",
            ThumbnailKey = "media/x/v1/thumbnail.jpg",
            StoryboardKey = "media/x/v1/storyboard.vtt",
            Source = new SourceFile("sources/x/source.mp4", 1234, "ab12", "video/mp4"),
            PublishedAt = Now.AddMinutes(5),
        };

        var created = await CreateAsync(store, video);
        var read = await store.GetAsync(video.Id, Cancellation);

        Assert.Equal(1, created.Version);
        Assert.NotNull(read);
        Assert.Equal(created with { Tags = [], AllowedCountries = [], BlockedCountries = [], Renditions = [] },
            read with { Tags = [], AllowedCountries = [], BlockedCountries = [], Renditions = [] });
        Assert.Equal(video.Tags, read.Tags);
        Assert.Equal(video.AllowedCountries, read.AllowedCountries);
        Assert.Equal(video.BlockedCountries, read.BlockedCountries);
        Assert.Equal(video.Renditions, read.Renditions);
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(NewId(), Cancellation));
    }

    [Fact]
    public async Task An_update_based_on_the_current_version_wins_and_a_stale_one_is_refused()
    {
        var store = await CreateStoreAsync();
        var created = await CreateAsync(store, NewVideo("Draft"));

        var first = await store.UpdateAsync(created with { Title = "First edit" }, Cancellation);
        var stale = await store.UpdateAsync(created with { Title = "Lost edit" }, Cancellation);

        Assert.NotNull(first);
        Assert.Equal(2, first.Version);
        Assert.Null(stale);
        Assert.Equal("First edit", (await store.GetAsync(created.Id, Cancellation))!.Title);
    }

    [Fact]
    public async Task A_second_video_with_the_same_id_is_refused()
    {
        var store = await CreateStoreAsync();
        var video = await CreateAsync(store, NewVideo("Original"));

        Assert.Null(await store.CreateAsync(NewVideo("Copy") with { Id = video.Id }, Cancellation));
        Assert.Equal("Original", (await store.GetAsync(video.Id, Cancellation))!.Title);
    }

    [Fact]
    public async Task A_deleted_video_is_gone()
    {
        var store = await CreateStoreAsync();
        var created = await CreateAsync(store, NewVideo("Short-lived"));

        Assert.True(await store.DeleteAsync(created.Id, Cancellation));
        Assert.False(await store.DeleteAsync(created.Id, Cancellation));
        Assert.Null(await store.GetAsync(created.Id, Cancellation));
    }

    [Fact]
    public async Task The_catalog_lists_only_ready_public_videos_newest_first()
    {
        var store = await CreateStoreAsync();
        var older = await CreatePublishedAsync(store, "Older", Now);
        var newer = await CreatePublishedAsync(store, "Newer", Now.AddHours(1));
        await store.CreateAsync(NewVideo("Still processing") with { Status = VideoStatus.Processing }, Cancellation);
        await CreatePublishedAsync(store, "Unlisted", Now, video => video with { Visibility = Visibility.Unlisted });
        await CreatePublishedAsync(store, "Private", Now, video => video with { Visibility = Visibility.Private });

        var page = await store.SearchAsync(new CatalogQuery(), Cancellation);

        Assert.Equal(2, page.Total);
        Assert.Equal([newer.Id, older.Id], page.Items.Select(video => video.Id));
    }

    [Fact]
    public async Task The_catalog_sorts_by_popularity_and_pages_without_overlap()
    {
        var store = await CreateStoreAsync();
        var ids = new List<string>();
        for (var views = 0; views < 5; views++)
        {
            var viewCount = views;
            ids.Add((await CreatePublishedAsync(store, $"Video {views}", Now, video => video with { ViewCount = viewCount })).Id);
        }

        var first = await store.SearchAsync(new CatalogQuery(Sort: CatalogSort.Popular, PageSize: 2), Cancellation);
        var second = await store.SearchAsync(new CatalogQuery(Sort: CatalogSort.Popular, Page: 2, PageSize: 2), Cancellation);
        var third = await store.SearchAsync(new CatalogQuery(Sort: CatalogSort.Popular, Page: 3, PageSize: 2), Cancellation);

        Assert.Equal(5, first.Total);
        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(second.Items).Concat(third.Items).Select(video => video.Id));
    }

    [Fact]
    public async Task The_catalog_filters_by_genre_and_featured()
    {
        var store = await CreateStoreAsync();
        var comedy = await CreatePublishedAsync(store, "Laughs", Now, video => video with { Genre = Genre.Comedy, Featured = true });
        await CreatePublishedAsync(store, "Space", Now, video => video with { Genre = Genre.SciFi });

        var comedies = await store.SearchAsync(new CatalogQuery(Genre: Genre.Comedy), Cancellation);
        var featured = await store.SearchAsync(new CatalogQuery(Featured: true), Cancellation);

        Assert.Equal([comedy.Id], comedies.Items.Select(video => video.Id));
        Assert.Equal([comedy.Id], featured.Items.Select(video => video.Id));
    }

    [Fact]
    public async Task The_catalog_finds_words_in_title_description_and_tags()
    {
        var store = await CreateStoreAsync();
        var byTitle = await CreatePublishedAsync(store, "Mountain Rescue", Now);
        var byDescription = await CreatePublishedAsync(store, "Untitled", Now, video => video with { Description = "A rescue at sea" });
        var byTag = await CreatePublishedAsync(store, "Harbour", Now, video => video with { Tags = ["lighthouse"] });
        await CreatePublishedAsync(store, "Unrelated", Now);

        var rescue = await store.SearchAsync(new CatalogQuery(Text: "rescue"), Cancellation);
        var lighthouse = await store.SearchAsync(new CatalogQuery(Text: "Lighthouse"), Cancellation);
        var both = await store.SearchAsync(new CatalogQuery(Text: "mountain rescue"), Cancellation);
        var hostile = await store.SearchAsync(new CatalogQuery(Text: "\"rescue\"* ^("), Cancellation);

        Assert.Equal([byTitle.Id, byDescription.Id], rescue.Items.Select(video => video.Id).Order());
        Assert.Equal([byTag.Id], lighthouse.Items.Select(video => video.Id));
        Assert.Equal([byTitle.Id], both.Items.Select(video => video.Id));
        Assert.Equal(2, hostile.Total);
    }

    [Fact]
    public async Task The_catalog_hides_videos_not_licensed_in_the_viewers_country()
    {
        var store = await CreateStoreAsync();
        var everywhere = await CreatePublishedAsync(store, "Everywhere", Now);
        var onlyFrance = await CreatePublishedAsync(store, "France only", Now, video => video with { AllowedCountries = ["FR"] });
        var notInFrance = await CreatePublishedAsync(store, "Not in France", Now, video => video with { BlockedCountries = ["FR"] });

        var inFrance = await store.SearchAsync(new CatalogQuery(Country: "FR"), Cancellation);
        var inGermany = await store.SearchAsync(new CatalogQuery(Country: "DE"), Cancellation);

        Assert.Equal(new[] { everywhere.Id, onlyFrance.Id }.Order(), inFrance.Items.Select(video => video.Id).Order());
        Assert.Equal(new[] { everywhere.Id, notInFrance.Id }.Order(), inGermany.Items.Select(video => video.Id).Order());
    }

    [Fact]
    public async Task A_creator_lists_their_own_videos_in_every_status_newest_first()
    {
        var store = await CreateStoreAsync();
        var owner = NewId();
        var first = await CreateAsync(store, NewVideo("First") with { OwnerId = owner, CreatedAt = Now });
        var second = await CreateAsync(store, NewVideo("Second") with { OwnerId = owner, CreatedAt = Now.AddMinutes(1), Status = VideoStatus.Failed });
        await CreateAsync(store, NewVideo("Someone else's"));

        var page = await store.ListByOwnerAsync(owner, 1, 10, Cancellation);

        Assert.Equal(2, page.Total);
        Assert.Equal([second.Id, first.Id], page.Items.Select(video => video.Id));
    }

    [Fact]
    public async Task Administrators_list_every_video_filtered_by_status_and_text()
    {
        var store = await CreateStoreAsync();
        var failed = await CreateAsync(store, NewVideo("Broken upload") with { Status = VideoStatus.Failed });
        var ready = await CreatePublishedAsync(store, "Finished film", Now, video => video with { Visibility = Visibility.Private });

        var all = await store.ListAllAsync(new AdminVideoQuery(PageSize: 50), Cancellation);
        var onlyFailed = await store.ListAllAsync(new AdminVideoQuery(Status: VideoStatus.Failed), Cancellation);
        var byText = await store.ListAllAsync(new AdminVideoQuery(Text: "film"), Cancellation);

        Assert.Equal(2, all.Total);
        Assert.Equal([failed.Id], onlyFailed.Items.Select(video => video.Id));
        Assert.Equal([ready.Id], byText.Items.Select(video => video.Id));
    }

    [Fact]
    public async Task Several_videos_are_read_at_once_and_missing_ids_are_ignored()
    {
        var store = await CreateStoreAsync();
        var a = await CreateAsync(store, NewVideo("A"));
        var b = await CreateAsync(store, NewVideo("B"));

        var found = await store.GetManyAsync([a.Id, b.Id, NewId()], Cancellation);

        Assert.Equal(new[] { a.Id, b.Id }.Order(), found.Select(video => video.Id).Order());
        Assert.Empty(await store.GetManyAsync([], Cancellation));
    }

    [Fact]
    public async Task Views_are_counted_without_changing_the_version()
    {
        var store = await CreateStoreAsync();
        var video = await CreatePublishedAsync(store, "Watched", Now);
        var other = await CreatePublishedAsync(store, "Less watched", Now);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.IncrementViewCountAsync(video.Id, Cancellation)));
        await store.IncrementViewCountAsync(other.Id, Cancellation);

        var read = await store.GetAsync(video.Id, Cancellation);
        Assert.Equal(5, read!.ViewCount);
        Assert.Equal(video.Version, read.Version);
        Assert.NotNull(await store.UpdateAsync(read with { Title = "Edited" }, Cancellation));
        var popular = await store.SearchAsync(new CatalogQuery(Sort: CatalogSort.Popular), Cancellation);
        Assert.Equal([video.Id, other.Id], popular.Items.Select(item => item.Id));
    }

    protected static string NewId() => Guid.CreateVersion7().ToString("N");

    protected static Video NewVideo(string title) => new()
    {
        Id = NewId(),
        OwnerId = NewId(),
        Title = title,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static Task<Video> CreatePublishedAsync(IVideoStore store, string title, DateTimeOffset publishedAt, Func<Video, Video>? change = null)
    {
        var video = NewVideo(title) with { Status = VideoStatus.Ready, PublishedAt = publishedAt };
        return CreateAsync(store, change?.Invoke(video) ?? video);
    }

    private static async Task<Video> CreateAsync(IVideoStore store, Video video) =>
        await store.CreateAsync(video, Cancellation) ?? throw new InvalidOperationException($"Video {video.Id} was refused.");
}
