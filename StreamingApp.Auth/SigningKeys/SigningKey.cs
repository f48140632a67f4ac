using StreamingApp.ServiceDefaults.Persistence;

namespace StreamingApp.Auth.SigningKeys;

/// <summary>
/// A token signing key (ECDSA P-256, ES256). The public half is stored as is for the JWKS; the private half only
/// encrypted with the key-encryption key. Each key names its predecessor, and a predecessor can have only one
/// successor, so replicas racing to rotate agree on a single new key.
/// </summary>
public sealed record SigningKey : IVersionedDocument<SigningKey>
{
    /// <summary>The <c>kid</c>.</summary>
    public required string Id { get; init; }

    public required string Algorithm { get; init; }

    /// <summary>Base64 SubjectPublicKeyInfo.</summary>
    public required string PublicKey { get; init; }

    /// <summary>PKCS#8 private key encrypted with AES-256-GCM (see <c>KeyEncryption</c>).</summary>
    public required string ProtectedPrivateKey { get; init; }

    /// <summary>The key this one replaces; empty for the first key.</summary>
    public required string PredecessorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it starts signing; until then it is only published.</summary>
    public DateTimeOffset ActivatesAt { get; init; }

    public long Version { get; init; }

    public SigningKey WithVersion(long version) => this with { Version = version };
}

public interface ISigningKeyStore
{
    /// <summary>Adds the key; <c>null</c> when its predecessor already has a successor (another replica rotated first).</summary>
    Task<SigningKey?> CreateAsync(SigningKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
