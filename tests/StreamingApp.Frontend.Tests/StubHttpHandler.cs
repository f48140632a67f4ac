using System.Net;

namespace StreamingApp.Frontend.Tests;

/// <summary>Answers a component's HTTP calls by path (without the query), recording what was asked.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Matches, HttpStatusCode Status, string Json)> _answers = [];

    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>The bodies of the requests that had one, read before the caller disposes them.</summary>
    public List<(HttpMethod Method, string Path, string Body)> Bodies { get; } = [];

    public StubHttpHandler Answer(string path, HttpStatusCode status, string json) =>
        Answer(request => request.RequestUri!.AbsolutePath == path, status, json);

    public StubHttpHandler Answer(Func<HttpRequestMessage, bool> matches, HttpStatusCode status, string json)
    {
        _answers.Add((matches, status, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(request);
            if (body is not null)
            {
                Bodies.Add((request.Method, request.RequestUri!.AbsolutePath, body));
            }
        }

        var (_, status, json) = _answers.LastOrDefault(answer => answer.Matches(request));
        return json is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"type":"https://streamingapp.dev/problems/not-found","title":"Not found"}""", System.Text.Encoding.UTF8, "application/problem+json") }
            : new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
    }
}
