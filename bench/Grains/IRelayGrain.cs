namespace BudgetActors.Benchmarks;

/// <summary>Passes each call on to a ping grain of its own: a client call that makes one grain-to-grain call.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    Task<int> RelayAsync(int value);
}
