namespace BudgetActors.Runtime.Tests;

/// <summary>A test class whose every test gets a fresh silo of its own (on a fake clock).</summary>
public abstract class SiloTest : IAsyncLifetime
{
    protected TestSilo Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Silo = await TestSilo.StartAsync();

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
