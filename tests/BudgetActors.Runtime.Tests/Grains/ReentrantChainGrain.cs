namespace BudgetActors.Runtime.Tests;

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public Task<string> CallAsync(IReadOnlyList<string> path, int next) =>
        next < path.Count
            ? GrainFactory.GetGrain<IReentrantChainGrain>(path[next]).CallAsync(path, next + 1)
            : Task.FromResult(string.Join(" -> ", RequestContext.CallChain));
}
