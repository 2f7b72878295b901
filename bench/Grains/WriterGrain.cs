namespace BudgetActors.Benchmarks;

public sealed class WriterGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, IWriterGrain
{
    public Task WriteAsync(int value)
    {
        state.State = state.State with { Value = value, Total = value * 1.25m };
        return state.WriteStateAsync();
    }

    public Task<int> ReadAsync() => Task.FromResult(state.State.Value);
}
