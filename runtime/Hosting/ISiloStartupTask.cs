namespace BudgetActors.Runtime;

/// <summary>Work a silo does before it serves any call, such as migrating the database schema.</summary>
public interface ISiloStartupTask
{
    Task ExecuteAsync(CancellationToken cancellationToken);
}
