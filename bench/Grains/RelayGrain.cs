namespace BudgetActors.Benchmarks;

public sealed class RelayGrain : Grain, IRelayGrain
{
    private IPingGrain? _target;

    public Task<int> RelayAsync(int value) =>
        (_target ??= GrainFactory.GetGrain<IPingGrain>("relayed-" + this.GetPrimaryKeyString())).PingAsync(value);
}
