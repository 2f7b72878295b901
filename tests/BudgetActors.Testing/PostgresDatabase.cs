namespace BudgetActors.Testing;

/// <summary>A database a test owns; disposing it drops it.</summary>
public sealed class PostgresDatabase(PostgresServer server, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public ValueTask DisposeAsync() => new(server.DropDatabaseAsync(ConnectionString, CancellationToken.None));
}
