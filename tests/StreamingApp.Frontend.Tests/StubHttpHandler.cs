using System.Net;

namespace StreamingApp.Frontend.Tests;

/// <summary>Answers a component's HTTP calls with a fixed response, recording what was asked.</summary>
internal sealed class StubHttpHandler(HttpStatusCode status, string json) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
