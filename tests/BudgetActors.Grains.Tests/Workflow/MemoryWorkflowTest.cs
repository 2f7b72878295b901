namespace BudgetActors.Grains.Tests;

/// <summary>A test class whose every test gets a workflow silo of its own, with state in memory.</summary>
public abstract class MemoryWorkflowTest : IAsyncLifetime
{
    protected WorkflowSilo Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Silo = await WorkflowSilo.StartAsync();

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
