namespace BudgetActors.Runtime.Tests;

public interface IStateGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    [ReadOnly]
    Task<string?> GetAsync();

    [ReadOnly]
    Task<string?> GetEtagAsync();

    Task ClearAsync();
}
