namespace BudgetActors.Runtime.Tests;

/// <summary>Calls the next grain of a path, which calls the next, and so on.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    Task<string> CallAsync(IReadOnlyList<string> path, int next);
}
