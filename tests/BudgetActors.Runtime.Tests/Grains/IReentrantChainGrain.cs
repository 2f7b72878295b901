namespace BudgetActors.Runtime.Tests;

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> CallAsync(IReadOnlyList<string> path, int next);
}
