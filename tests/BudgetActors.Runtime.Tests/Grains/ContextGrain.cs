namespace BudgetActors.Runtime.Tests;

public sealed class ContextGrain : Grain, IContextGrain
{
    public Task<string> ReadAsync(string name) =>
        Task.FromResult($"{name}={RequestContext.Get(name)}; caller={RequestContext.Caller}; chain={string.Join(" -> ", RequestContext.CallChain)}; correlation={RequestContext.CorrelationId}");

    public Task<string> ForwardAsync(string next, string name)
    {
        RequestContext.Set("added-by-" + this.GetPrimaryKeyString(), "yes");
        return GrainFactory.GetGrain<IContextGrain>(next).ReadAsync(name);
    }
}
