namespace BudgetActors.Storage.Tests;

public sealed class TallyGrain([PersistentState("tally", StoredCounterGrain.Storage)] IPersistentState<CounterState> state)
    : StoredCounterGrain(state), ITallyGrain;
