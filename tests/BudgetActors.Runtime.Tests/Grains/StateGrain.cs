namespace BudgetActors.Runtime.Tests;

public sealed class StateGrain([PersistentState("value")] IPersistentState<ValueState> state) : Grain, IStateGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EventLog.Add(this.GetPrimaryKeyString(), "activate");
        return Task.CompletedTask;
    }

    public async Task SetAsync(string value)
    {
        state.State = state.State with { Value = value, Writes = state.State.Writes + 1 };
        await state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    public Task<string?> GetEtagAsync() => Task.FromResult(state.Etag);

    public Task ClearAsync() => state.ClearStateAsync();
}
