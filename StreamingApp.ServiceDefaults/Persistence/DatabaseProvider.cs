namespace StreamingApp.ServiceDefaults.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file: the default for local use and single-node deployments.</summary>
    Sqlite,

    /// <summary>MongoDB: the production provider, chosen when <c>ConnectionStrings:mongodb</c> is set.</summary>
    MongoDb,
}
