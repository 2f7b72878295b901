namespace BudgetActors.Benchmarks;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
