namespace BudgetActors.Storage.Tests;

public sealed class CounterGrain([PersistentState("counter", StoredCounterGrain.Storage)] IPersistentState<CounterState> state)
    : StoredCounterGrain(state), ICounterGrain;
