namespace BudgetActors.Testing;

/// <summary>
/// One PostgreSQL server for a whole test run, started the first time a test asks for a database (so a
/// run of unit tests alone starts none). Register it with <c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly Lazy<Task<PostgresServer>> _server = new(() => PostgresServer.StartAsync(CancellationToken.None));

    /// <summary>A new, empty database of its own for one test or test class.</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var server = await _server.Value;
        return new PostgresDatabase(server, await server.CreateDatabaseAsync(purpose, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.IsValueCreated)
        {
            await (await _server.Value).DisposeAsync();
        }
    }
}
