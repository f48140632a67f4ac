using MongoDB.Driver;

namespace StreamingApp.TestSupport;

/// <summary>
/// A throw-away database on the MongoDB server named by <c>STREAMINGAPP_TEST_MONGODB</c>. Where the variable is
/// not set, the calling test is reported as skipped with that reason, never as passed.
/// </summary>
public sealed class MongoTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "STREAMINGAPP_TEST_MONGODB";

    private readonly MongoClient _client;

    private MongoTestDatabase(MongoClient client, IMongoDatabase database)
    {
        _client = client;
        Database = database;
    }

    public IMongoDatabase Database { get; }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static MongoTestDatabase CreateOrSkip()
    {
        var connectionString = ConnectionString;
        Assert.SkipWhen(connectionString is null, $"No MongoDB server: set {EnvironmentVariable} to a connection string to run the MongoDB contract tests.");
        var client = new MongoClient(connectionString);
        return new MongoTestDatabase(client, client.GetDatabase($"streamingapp-test-{Guid.NewGuid():N}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DropDatabaseAsync(Database.DatabaseNamespace.DatabaseName);
        _client.Dispose();
    }
}
