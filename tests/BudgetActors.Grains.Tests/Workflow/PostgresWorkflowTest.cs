using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

/// <summary>A test class whose every test gets its own database and a workflow silo on it.</summary>
public abstract class PostgresWorkflowTest(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    protected WorkflowSilo Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(GetType().Name, TestContext.Current.CancellationToken);
        Silo = await WorkflowSilo.StartAsync(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }
}
