namespace StreamingApp.ServiceDefaults.Authentication;

/// <summary>Says whether a signature-valid access token was revoked after it was issued.</summary>
public interface IAccessTokenRevocation
{
    ValueTask<bool> IsRevokedAsync(string subject, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
