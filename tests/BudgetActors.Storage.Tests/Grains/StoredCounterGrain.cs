namespace BudgetActors.Storage.Tests;

/// <summary>What both counter grain types do; each subclass names its own state.</summary>
public abstract class StoredCounterGrain(IPersistentState<CounterState> state) : Grain, IStoredCounter
{
    public const string Storage = "store";

    public async Task<int> AddAsync(int amount, string note)
    {
        state.State.Count += amount;
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public Task<string[]> GetNotesAsync() => Task.FromResult(state.State.Notes.ToArray());

    public Task<string?> GetETagAsync() => Task.FromResult(state.Etag);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
