namespace StreamingApp.Api.Parties;

/// <summary>What the server sends to party members' connections (the hub's strongly typed client).</summary>
public interface IPartyClient
{
    /// <summary>The group's playback changed: a command, a wait starting or ending, or who the group waits for.</summary>
    Task PlaybackChanged(PlaybackView playback);

    Task MembersChanged(MembersDelta delta);

    Task SettingsChanged(PartySettingsView settings);

    Task MessageReceived(ChatMessageView message);

    Task MessageDeleted(string messageId);

    Task PartyEnded(PartyEndedView ended);

    /// <summary>This connection no longer belongs to the party: the member left (elsewhere) or was removed.</summary>
    Task RemovedFromParty(PartyError reason);

    /// <summary>An action of this connection was refused.</summary>
    Task Error(PartyError error);
}
