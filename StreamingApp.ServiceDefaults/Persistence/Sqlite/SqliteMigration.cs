using System.Reflection;

namespace StreamingApp.ServiceDefaults.Persistence.Sqlite;

/// <summary>One schema step: a numbered SQL script (<c>0001_initial.sql</c>) embedded in a service assembly.</summary>
public sealed record SqliteMigration(int Version, string Name, string Sql)
{
    public static IReadOnlyList<SqliteMigration> FromEmbeddedResources(Assembly assembly, string resourcePrefix)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[resourcePrefix.Length..^".sql".Length].TrimStart('.')))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two SQLite migrations share version {duplicate.Key} in {assembly.GetName().Name}.");
        }

        return migrations;
    }

    private static SqliteMigration Load(Assembly assembly, string resourceName, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"SQLite migration '{resourceName}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new SqliteMigration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
