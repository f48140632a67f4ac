using StreamingApp.Api.Parties;

namespace StreamingApp.Api.Tests.Parties;

/// <summary>The behaviour every <see cref="IPartyStore"/> and <see cref="IPartyMessageStore"/> provider must have.</summary>
public abstract class PartyStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, 125, TimeSpan.Zero);

    protected abstract Task<(IPartyStore Parties, IPartyMessageStore Messages)> CreateStoresAsync();

    [Fact]
    public async Task A_party_round_trips_with_members_connections_and_playback()
    {
        var (parties, _) = await CreateStoresAsync();
        var party = NewParty("p1", "code-1", Now.AddMinutes(5)) with
        {
            ControlMode = PartyControlMode.Everyone,
            Playback = new PartyPlayback
            {
                State = PlaybackState.Waiting, PositionSeconds = 42.5, AtServerTime = Now.AddMilliseconds(250), Rate = 1.25, Revision = 7,
                Command = PartyCommand.Seek, IssuedBy = "host", WaitDeadline = Now.AddSeconds(10),
            },
            KickedUserIds = ["troll"],
        };

        var created = await parties.CreateAsync(party, Cancellation);
        var read = await parties.GetAsync("p1", Cancellation);

        Assert.Equal(1, created!.Version);
        AssertSameParty(created, read!);
        Assert.Equal(read!.Id, (await parties.GetByInviteCodeAsync("code-1", Cancellation))!.Id);
        Assert.Null(await parties.GetByInviteCodeAsync("code-2", Cancellation));
    }

    [Fact]
    public async Task Ids_and_invite_codes_are_unique()
    {
        var (parties, _) = await CreateStoresAsync();
        await parties.CreateAsync(NewParty("p1", "code-1", Now), Cancellation);

        Assert.Null(await parties.CreateAsync(NewParty("p1", "code-2", Now), Cancellation));
        Assert.Null(await parties.CreateAsync(NewParty("p2", "code-1", Now), Cancellation));
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused()
    {
        var (parties, _) = await CreateStoresAsync();
        var created = (await parties.CreateAsync(NewParty("p1", "code-1", Now), Cancellation))!;

        var first = await parties.UpdateAsync(created with { ControlMode = PartyControlMode.Everyone }, Cancellation);
        var second = await parties.UpdateAsync(created with { Playback = new PartyPlayback { State = PlaybackState.Playing } }, Cancellation);

        Assert.Equal(2, first!.Version);
        Assert.Null(second);
        Assert.Equal(PartyControlMode.Everyone, (await parties.GetAsync("p1", Cancellation))!.ControlMode);
    }

    [Fact]
    public async Task Due_parties_come_most_overdue_first_up_to_the_limit()
    {
        var (parties, _) = await CreateStoresAsync();
        await parties.CreateAsync(NewParty("later", "c1", Now.AddSeconds(1)), Cancellation);
        await parties.CreateAsync(NewParty("second", "c2", Now.AddSeconds(-1)), Cancellation);
        await parties.CreateAsync(NewParty("first", "c3", Now.AddMinutes(-1)), Cancellation);
        await parties.CreateAsync(NewParty("exactly", "c4", Now), Cancellation);

        Assert.Equal(["first", "second"], (await parties.ListDueAsync(Now, 2, Cancellation)).Select(party => party.Id));
        Assert.Equal(["first", "second", "exactly"], (await parties.ListDueAsync(Now, 10, Cancellation)).Select(party => party.Id));
        Assert.True(await parties.DeleteAsync("first", Cancellation));
        Assert.False(await parties.DeleteAsync("first", Cancellation));
    }

    [Fact]
    public async Task Chat_pages_go_from_newest_to_oldest_per_party_and_deletion_keeps_the_place_without_the_text()
    {
        var (_, messages) = await CreateStoresAsync();
        var sent = Enumerable.Range(1, 5).Select(index => Message("p1", index)).ToList();
        foreach (var message in sent.Append(Message("p2", 9)))
        {
            await messages.AddAsync(message, Cancellation);
        }

        var first = await messages.ListAsync("p1", null, 2, Cancellation);
        var next = await messages.ListAsync("p1", first[^1].Id, 10, Cancellation);
        Assert.Equal([sent[4], sent[3]], first);
        Assert.Equal([sent[2], sent[1], sent[0]], next);

        Assert.True(await messages.MarkDeletedAsync("p1", sent[2].Id, Cancellation));
        Assert.False(await messages.MarkDeletedAsync("p2", sent[2].Id, Cancellation));
        Assert.Equal(sent[2] with { Text = string.Empty, Deleted = true }, await messages.GetAsync("p1", sent[2].Id, Cancellation));
        Assert.Null(await messages.GetAsync("p2", sent[2].Id, Cancellation));

        await messages.DeleteForPartyAsync("p1", Cancellation);
        Assert.Empty(await messages.ListAsync("p1", null, 10, Cancellation));
        Assert.Single(await messages.ListAsync("p2", null, 10, Cancellation));
    }

    internal static Party NewParty(string id, string inviteCode, DateTimeOffset dueAt) => new()
    {
        Id = id,
        VideoId = "video-1",
        VideoDurationSeconds = 600,
        InviteCode = inviteCode,
        Members =
        [
            new PartyMember
            {
                UserId = "host", DisplayName = "Host", Role = PartyRole.Host, JoinedAt = Now, Sync = MemberSync.Ready, HasBeenReady = true,
                Connections = [new PartyConnection("connection-1", Now.AddSeconds(3), 48.5)],
            },
            new PartyMember { UserId = "guest", DisplayName = "Guest", JoinedAt = Now.AddMinutes(1), DisconnectedAt = Now.AddMinutes(2), SyncRevision = 3 },
        ],
        CreatedAt = Now,
        LastActivityAt = Now,
        ExpiresAt = Now.AddHours(12),
        DueAt = dueAt,
    };

    internal static void AssertSameParty(Party expected, Party actual)
    {
        Assert.Equal(expected with { Members = [], KickedUserIds = [] }, actual with { Members = [], KickedUserIds = [] });
        Assert.Equal(expected.KickedUserIds, actual.KickedUserIds);
        Assert.Equal(expected.Members.Count, actual.Members.Count);
        foreach (var (member, read) in expected.Members.Zip(actual.Members))
        {
            Assert.Equal(member with { Connections = [] }, read with { Connections = [] });
            Assert.Equal(member.Connections, read.Connections);
        }
    }

    private static ChatMessage Message(string partyId, int index) =>
        new(Guid.CreateVersion7(Now.AddSeconds(index)).ToString("N"), partyId, "author", "Author", $"message {index}", Now.AddSeconds(index), Deleted: false);
}

public sealed class SqlitePartyStoreTests : PartyStoreContract
{
    protected override async Task<(IPartyStore Parties, IPartyMessageStore Messages)> CreateStoresAsync()
    {
        var database = await MigratedSqliteAsync(typeof(Extensions.ApiServiceExtensions).Assembly, "StreamingApp.Api.Migrations");
        return (new Api.Parties.Sqlite.SqlitePartyStore(database), new Api.Parties.Sqlite.SqlitePartyMessageStore(database));
    }
}

/// <summary>Runs where <c>STREAMINGAPP_TEST_MONGODB</c> names a server; reported as skipped elsewhere.</summary>
public sealed class MongoPartyStoreTests : PartyStoreContract
{
    protected override async Task<(IPartyStore Parties, IPartyMessageStore Messages)> CreateStoresAsync()
    {
        var database = MongoDatabaseOrSkip();
        var parties = new Api.Parties.MongoDb.MongoPartyStore(database);
        var messages = new Api.Parties.MongoDb.MongoPartyMessageStore(database);
        await parties.InitializeAsync(Cancellation);
        await messages.InitializeAsync(Cancellation);
        return (parties, messages);
    }
}
