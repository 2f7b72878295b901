namespace BudgetActors.Runtime.Tests;

public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Which activation of this grain (1, 2, ...) answered.</summary>
    Task<int> GetActivationNumberAsync();

    Task DeactivateWhenIdleAsync();

    Task WaitForSignalAsync(string signal);
}
