namespace BudgetActors.Benchmarks.Grains;

[GrainType("bench-writer")]
internal sealed class WriterGrain([PersistentState("bench-writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public Task WriteAsync(long version)
    {
        state.State = WriterState.Sample(version);
        return state.WriteStateAsync();
    }
}
