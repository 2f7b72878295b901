using Npgsql;

namespace BudgetActors.Storage.Tests;

/// <summary>Reads what the providers left in the database, the way an operator would with psql.</summary>
internal static class Sql
{
    public static Task<T?> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken) =>
        ScalarAsync<T>(connectionString, sql, [], cancellationToken);

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    public static Task<List<T>> ColumnAsync<T>(string connectionString, string sql, CancellationToken cancellationToken) =>
        ColumnAsync<T>(connectionString, sql, [], cancellationToken);

    public static async Task<List<T>> ColumnAsync<T>(string connectionString, string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IReadOnlyList<object> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
