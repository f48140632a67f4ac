using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StreamingApp.ServiceDefaults.Persistence.Sqlite;

/// <summary>
/// A table that keeps each aggregate as a JSON <c>document</c> next to copies of the fields queries filter and sort
/// on. Stores describe those columns once; inserts, versioned replaces, reads and deletes are shared.
/// </summary>
/// <param name="indexedColumns">Column values derived from a document (every column except <c>id</c>, <c>version</c> and <c>document</c>).</param>
public sealed class SqliteDocumentTable<T>(SqliteDatabase database, string table, Func<T, IReadOnlyDictionary<string, object?>> indexedColumns)
    : IDocumentCollection<T> where T : IVersionedDocument<T>
{
    public SqliteDatabase Database => database;

    public string Table => table;

    public Task<T?> InsertAsync(T document, CancellationToken cancellationToken) => InsertAsync(document, cancellationToken, null, null);

    public Task<T?> ReplaceAsync(T document, CancellationToken cancellationToken) => ReplaceAsync(document, cancellationToken, null, null);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => DeleteAsync(id, cancellationToken, null, null);

    /// <summary>Inserts the document at version 1, optionally inside a caller's transaction; <c>null</c> when a unique constraint refuses it.</summary>
    public async Task<T?> InsertAsync(T document, CancellationToken cancellationToken, IDbConnection? connection, IDbTransaction? transaction)
    {
        var stored = document.WithVersion(1);
        var (columns, parameters) = Parameters(stored);
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))})";
        try
        {
            await ExecuteAsync(sql, parameters, cancellationToken, connection, transaction);
            return stored;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT */)
        {
            return default;
        }
    }

    public async Task<T?> ReplaceAsync(T document, CancellationToken cancellationToken, IDbConnection? connection, IDbTransaction? transaction)
    {
        var stored = document.WithVersion(document.Version + 1);
        var (columns, parameters) = Parameters(stored);
        parameters.Add("expected_version", document.Version);
        var sql = $"UPDATE {table} SET {string.Join(", ", columns.Where(c => c != "id").Select(c => $"{c} = @{c}"))} WHERE id = @id AND version = @expected_version";
        return await ExecuteAsync(sql, parameters, cancellationToken, connection, transaction) == 1 ? stored : default;
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = @id", new { id }, cancellationToken)).SingleOrDefault();

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken, IDbConnection? connection, IDbTransaction? transaction) =>
        await ExecuteAsync($"DELETE FROM {table} WHERE id = @id", new { id }, cancellationToken, connection, transaction) == 1;

    /// <summary>Documents matching <paramref name="clauses"/> (everything after <c>FROM table t</c>: WHERE, ORDER BY, LIMIT).</summary>
    public async Task<IReadOnlyList<T>> QueryAsync(string clauses, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var documents = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT t.document FROM {table} t {clauses}", parameters, cancellationToken: cancellationToken));
        return documents.Select(DocumentJson.Deserialize<T>).ToList();
    }

    public async Task<long> CountAsync(string clauses, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {table} t {clauses}", parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Sets fields of every row matching <paramref name="where"/> in one statement, in the JSON document and in the
    /// column that copies each field, and bumps their versions: the bulk counterpart of a replace.
    /// </summary>
    /// <param name="fields">Field name in the document (camelCase), its column (or <c>null</c> when none copies it), and a text, number, timestamp or null value.</param>
    public async Task<int> UpdateManyAsync(IReadOnlyList<DocumentField> fields, string where, object parameters, CancellationToken cancellationToken)
    {
        var sql = new DynamicParameters(parameters);
        var jsonSets = new List<string> { "'$.version', version + 1" };
        var columnSets = new List<string> { "version = version + 1" };
        for (var index = 0; index < fields.Count; index++)
        {
            var (field, column, value) = fields[index];
            sql.Add($"field{index}", value);
            jsonSets.Add($"'$.{field}', @field{index}");
            if (column is not null)
            {
                columnSets.Add($"{column} = @field{index}");
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} AS t SET document = json_set(document, {string.Join(", ", jsonSets)}), {string.Join(", ", columnSets)} {where}",
            sql, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes every row matching <paramref name="where"/>; the number deleted.</summary>
    public async Task<int> DeleteManyAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} AS t {where}", parameters, cancellationToken: cancellationToken));
    }

    private (List<string> Columns, DynamicParameters Parameters) Parameters(T document)
    {
        var parameters = new DynamicParameters();
        var columns = new List<string> { "id", "version", "document" };
        parameters.Add("id", document.Id);
        parameters.Add("version", document.Version);
        parameters.Add("document", DocumentJson.Serialize(document));
        foreach (var (column, value) in indexedColumns(document))
        {
            columns.Add(column);
            parameters.Add(column, value);
        }

        return (columns, parameters);
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken, IDbConnection? connection, IDbTransaction? transaction)
    {
        if (connection is not null)
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }

        await using var owned = await database.OpenAsync(cancellationToken);
        return await owned.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}

/// <summary>One field that <see cref="SqliteDocumentTable{T}.UpdateManyAsync"/> sets.</summary>
public sealed record DocumentField(string Field, string? Column, object? Value);
