namespace BudgetActors.Runtime.Tests;

public sealed class PlacementGrain([PersistentState("count")] IPersistentState<ValueState> count) : Grain, IPlacementGrain
{
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);

    public async Task<int> IncrementAsync()
    {
        var next = count.State.Writes + 1;
        count.State = count.State with { Writes = next };
        await count.WriteStateAsync();
        return next;
    }

    public Task<string> WhereIsAsync(string otherKey) => GrainFactory.GetGrain<IPlacementGrain>(otherKey).WhereAsync();

    public Task<string> CycleAsync(string otherKey) => GrainFactory.GetGrain<IPlacementGrain>(otherKey).CallBackAsync(this.GetPrimaryKeyString());

    public Task<string> CallBackAsync(string callerKey) => GrainFactory.GetGrain<IPlacementGrain>(callerKey).WhereAsync();

    public Task FailAsync() => throw new ArgumentException($"refused for {RequestContext.Caller?.ToString() ?? "nobody"}");

    public Task<string> WhoAsync() => Task.FromResult(RequestContext.Caller?.ToString() ?? "nobody");
}
