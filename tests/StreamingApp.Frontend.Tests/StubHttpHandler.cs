using System.Net;

namespace StreamingApp.Frontend.Tests;

/// <summary>Answers a component's HTTP calls by path (without the query), recording what was asked.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Matches, HttpStatusCode Status, string Json)> _answers = [];

    public List<HttpRequestMessage> Requests { get; } = [];

    public StubHttpHandler Answer(string path, HttpStatusCode status, string json) =>
        Answer(request => request.RequestUri!.AbsolutePath == path, status, json);

    public StubHttpHandler Answer(Func<HttpRequestMessage, bool> matches, HttpStatusCode status, string json)
    {
        _answers.Add((matches, status, json));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        var (_, status, json) = _answers.LastOrDefault(answer => answer.Matches(request));
        return Task.FromResult(json is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"type":"https://streamingapp.dev/problems/not-found","title":"Not found"}""", System.Text.Encoding.UTF8, "application/problem+json") }
            : new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
