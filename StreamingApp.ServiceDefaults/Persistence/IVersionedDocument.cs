namespace StreamingApp.ServiceDefaults.Persistence;

/// <summary>
/// A stored aggregate with an id and a version that every write increments, so two writers that read the same
/// version cannot overwrite each other (optimistic concurrency, the same rule in SQLite and MongoDB).
/// </summary>
public interface IVersionedDocument<out TSelf> where TSelf : IVersionedDocument<TSelf>
{
    string Id { get; }

    long Version { get; }

    TSelf WithVersion(long version);
}
