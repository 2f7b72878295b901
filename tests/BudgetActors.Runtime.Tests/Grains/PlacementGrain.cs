namespace BudgetActors.Runtime.Tests;

public sealed class PlacementGrain([PersistentState("count")] IPersistentState<ValueState> count) : Grain, IPlacementGrain
{
    public Task<string> WhereAsync() => Task.FromResult(RuntimeIdentity);

    /// <summary>Grains with a call running right now, across every silo of the test process, and how often two ran at once.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Running = new();

    public static int Overlaps;

    public async Task<int> IncrementAsync()
    {
        var key = this.GetPrimaryKeyString();
        if (Running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref Overlaps);
        }

        try
        {
            var next = count.State.Writes + 1;
            count.State = count.State with { Writes = next };
            await count.WriteStateAsync();
            return next;
        }
        finally
        {
            Running.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    public Task<string> WhereIsAsync(string otherKey) => GrainFactory.GetGrain<IPlacementGrain>(otherKey).WhereAsync();

    public Task<string> CycleAsync(string otherKey) => GrainFactory.GetGrain<IPlacementGrain>(otherKey).CallBackAsync(this.GetPrimaryKeyString());

    public Task<string> CallBackAsync(string callerKey) => GrainFactory.GetGrain<IPlacementGrain>(callerKey).WhereAsync();

    public Task FailAsync() => throw new ArgumentException($"refused for {RequestContext.Caller?.ToString() ?? "nobody"}");

    public Task FailWithCodeAsync(string code) => throw new CodedException(code, $"refused with {code}");

    public Task<string> WhoAsync() => Task.FromResult(RequestContext.Caller?.ToString() ?? "nobody");
}
