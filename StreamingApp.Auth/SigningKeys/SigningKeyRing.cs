using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StreamingApp.Auth.Options;
using StreamingApp.Auth.Security;

namespace StreamingApp.Auth.SigningKeys;

/// <summary>
/// The signing keys as this replica knows them, re-read from the store every <see cref="SigningKeyOptions.ReloadInterval"/>.
/// The store decides: the active key is the latest whose activation time has come, so replicas that have read the same
/// keys switch at the same instant. Whichever replica reloads first creates a missing successor (the store accepts
/// one per key) and deletes keys no unexpired token can carry any more.
/// </summary>
public sealed class SigningKeyRing(
    ISigningKeyStore store,
    KeyEncryption encryption,
    IOptions<AuthOptions> options,
    IOptions<TokenAuthenticationOptions> tokenOptions,
    TimeProvider time,
    ILogger<SigningKeyRing> logger) : IHostedService, IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Snapshot? _snapshot;

    private SigningKeyOptions Settings => options.Value.SigningKeys;

    /// <summary>
    /// At start-up: creates the first key on a new database, and decrypts the active one, so a wrong
    /// key-encryption key stops the service at once instead of failing the first sign-in.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) => GetSigningCredentialsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Credentials of the key that signs now.</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var active = snapshot.Keys.LastOrDefault(key => key.Stored.ActivatesAt <= now)
            ?? throw new InvalidOperationException("No signing key is active.");
        return new SigningCredentials(active.PrivateKey(encryption), Algorithm);
    }

    /// <summary>Every key a validator may meet: the active one, the successor being published, and retired keys whose tokens may still be valid.</summary>
    public async Task<IReadOnlyList<ECDsaSecurityKey>> GetPublishedKeysAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Keys.Select(key => key.PublicKey).ToList();

    /// <summary>Re-read the store on next use (a token named a key this replica does not know yet).</summary>
    public void RequestReload() => _snapshot = _snapshot is { } snapshot ? snapshot with { LoadedAt = DateTimeOffset.MinValue } : null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < Settings.ReloadInterval)
        {
            return snapshot;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt >= Settings.ReloadInterval)
            {
                snapshot = await LoadAsync(cancellationToken);
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await store.ListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            await CreateAsync(predecessor: null, activatesAt: now, cancellationToken);
            keys = await store.ListAsync(cancellationToken);
        }

        var latest = keys[^1];
        if (now >= latest.ActivatesAt + Settings.RotationInterval - Settings.PublishAhead)
        {
            // Published a full PublishAhead before it signs, even when this service was down at the planned time.
            var activatesAt = Max(latest.ActivatesAt + Settings.RotationInterval, now + Settings.PublishAhead);
            await CreateAsync(latest, activatesAt, cancellationToken);
            keys = await store.ListAsync(cancellationToken);
        }

        var published = new List<LoadedKey>();
        for (var index = 0; index < keys.Count; index++)
        {
            var successor = index + 1 < keys.Count ? keys[index + 1] : null;
            if (successor is not null && successor.ActivatesAt + options.Value.AccessTokenLifetime + tokenOptions.Value.ClockSkew < now)
            {
                // Every token this key signed has expired.
                await store.DeleteAsync(keys[index].Id, cancellationToken);
                logger.LogInformation("Removed retired signing key {KeyId}", keys[index].Id);
                continue;
            }

            published.Add(LoadedKey.From(keys[index]));
        }

        return new Snapshot(published, now);
    }

    private async Task CreateAsync(SigningKey? predecessor, DateTimeOffset activatesAt, CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var key = new SigningKey
        {
            Id = id,
            Algorithm = Algorithm,
            PublicKey = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()),
            ProtectedPrivateKey = encryption.Protect(ecdsa.ExportPkcs8PrivateKey(), Purpose(id)),
            PredecessorId = predecessor?.Id ?? string.Empty,
            CreatedAt = time.GetUtcNow(),
            ActivatesAt = activatesAt,
        };

        if (await store.CreateAsync(key, cancellationToken) is not null)
        {
            logger.LogInformation("Created signing key {KeyId}, signing from {ActivatesAt:O}", id, activatesAt);
        }
    }

    private static string Purpose(string keyId) => $"signing-key:{keyId}";

    private static DateTimeOffset Max(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;

    public void Dispose() => _reload.Dispose();

    private sealed record Snapshot(IReadOnlyList<LoadedKey> Keys, DateTimeOffset LoadedAt);

    private sealed class LoadedKey(SigningKey stored, ECDsaSecurityKey publicKey)
    {
        private ECDsaSecurityKey? _privateKey;

        public SigningKey Stored => stored;

        public ECDsaSecurityKey PublicKey => publicKey;

        /// <summary>Decrypted on first use, so keys that only verify never leave their encrypted form.</summary>
        public ECDsaSecurityKey PrivateKey(KeyEncryption encryption)
        {
            if (_privateKey is null)
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(encryption.Unprotect(stored.ProtectedPrivateKey, Purpose(stored.Id)), out _);
                _privateKey = new ECDsaSecurityKey(ecdsa) { KeyId = stored.Id };
            }

            return _privateKey;
        }

        public static LoadedKey From(SigningKey stored)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(stored.PublicKey), out _);
            return new LoadedKey(stored, new ECDsaSecurityKey(ecdsa) { KeyId = stored.Id });
        }
    }
}
