using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>Polls Auth's revocation feed into the <see cref="RevocationList"/> every <see cref="RevocationFeedOptions.PollInterval"/>.</summary>
internal sealed class RevocationFeedPoller(
    IHttpClientFactory httpClients,
    RevocationList revocations,
    TokenAuthority authority,
    IOptions<TokenAuthenticationOptions> options,
    TimeProvider time,
    ILogger<RevocationFeedPoller> logger) : BackgroundService
{
    /// <summary>Each poll starts a little before the previous answer, so entries written while it ran are not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);

    private DateTimeOffset? _since;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Revocations;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(settings, stoppingToken);
                if (_failing)
                {
                    logger.LogInformation("The revocation feed answers again.");
                    _failing = false;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure only delays the next poll: a crashed poller would stop the whole service.
                // One warning per outage; the health check reports how long it lasts.
                logger.Log(_failing ? LogLevel.Debug : LogLevel.Warning, exception, "Cannot read the revocation feed at {Authority}", authority.Uri);
                _failing = true;
            }

            await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PollAsync(RevocationFeedOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(TokenAuthority.HttpClientName);
        RevocationFeedPage page;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, FeedUri(_since));
            if (!string.IsNullOrEmpty(settings.Secret))
            {
                request.Headers.Add(RevocationFeed.SecretHeader, settings.Secret);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            page = await response.Content.ReadFromJsonAsync<RevocationFeedPage>(cancellationToken)
                ?? throw new HttpRequestException("The revocation feed answered with an empty body.");
            revocations.Apply(page);
            _since = page.AsOf - (page.HasMore ? TimeSpan.Zero : Overlap);
        }
        while (page.HasMore);
    }

    private Uri FeedUri(DateTimeOffset? since)
    {
        var query = since is { } value ? "?since=" + Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture)) : string.Empty;
        return new Uri(authority.Uri.ToString().TrimEnd('/') + RevocationFeed.Path + query);
    }
}
