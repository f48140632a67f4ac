namespace StreamingApp.Frontend.Services;

/// <summary>
/// Watch parties as the pages start and open them (creating, joining with an invite code, reading one). Everything
/// live (playback, members, chat) goes between the browser and the Api's hub through this site's proxy.
/// </summary>
public sealed class PartyClient(HttpClient http)
{
    public Task<PartyView> CreateAsync(string videoId, string controlMode, CancellationToken cancellationToken) =>
        http.SendJsonAsync<PartyView>(HttpMethod.Post, "/api/parties", new { videoId, controlMode }, cancellationToken);

    public Task<PartyView> JoinAsync(string inviteCode, CancellationToken cancellationToken) =>
        http.SendJsonAsync<PartyView>(HttpMethod.Post, "/api/parties/join", new { inviteCode }, cancellationToken);

    public Task<PartyView> GetAsync(string id, CancellationToken cancellationToken) =>
        http.GetJsonAsync<PartyView>($"/api/parties/{Uri.EscapeDataString(id)}", cancellationToken);
}
