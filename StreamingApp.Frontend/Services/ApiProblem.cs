using System.Net;
using System.Text.Json;

namespace StreamingApp.Frontend.Services;

/// <summary>
/// An error answer of the Api or Auth (RFC 7807 ProblemDetails). Pages branch on <see cref="Type"/>, the stable
/// part, and show <see cref="Title"/> and <see cref="Detail"/> to people.
/// </summary>
public sealed class ApiProblemException(HttpStatusCode status, ProblemBody? problem)
    : Exception(problem?.Title ?? $"The service answered {(int)status}.")
{
    public const string TypeBase = "https://streamingapp.dev/problems/";

    public HttpStatusCode Status { get; } = status;

    /// <summary>The last segment of the problem type (<c>not-found</c>, <c>totp-required</c>...), or <c>null</c>.</summary>
    public string? Type { get; } = problem?.Type is { } type && type.StartsWith(TypeBase, StringComparison.Ordinal) ? type[TypeBase.Length..] : null;

    public string? Title { get; } = problem?.Title;

    public string? Detail { get; } = problem?.Detail;

    /// <summary>Field errors of a validation problem, keyed by the request's camelCase property names.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = problem?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>The sentence to show a person: the detail when the service gave one, else the title.</summary>
    public string Explanation => Detail ?? Title ?? Message;

    public bool Is(HttpStatusCode status, string? type = null) => Status == status && (type is null || Type == type);
}

public sealed record ProblemBody(string? Type, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

public static class ApiResponses
{
    /// <summary>Throws <see cref="ApiProblemException"/> unless the response is a success.</summary>
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ProblemBody? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ProblemBody>(cancellationToken);
            }
            catch (JsonException)
            {
                // Not a problem document after all; the status code alone tells what happened.
            }
        }

        throw new ApiProblemException(response.StatusCode, problem);
    }

    public static async Task<T> GetJsonAsync<T>(this HttpClient http, string path, CancellationToken cancellationToken) =>
        await http.SendJsonAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> as JSON (none when <c>null</c>) and reads the JSON answer.</summary>
    public static async Task<T> SendJsonAsync<T>(this HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new InvalidOperationException($"{method} {path} answered an empty body.");
    }

    /// <summary>Sends <paramref name="body"/> as JSON (none when <c>null</c>) and expects a success without a body to read.</summary>
    public static async Task SendJsonAsync(this HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, method, path, body, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await http.SendAsync(request, cancellationToken);
        try
        {
            await response.EnsureSuccessAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
