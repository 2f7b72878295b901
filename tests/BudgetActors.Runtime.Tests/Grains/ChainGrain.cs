namespace BudgetActors.Runtime.Tests;

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallAsync(IReadOnlyList<string> path, int next) =>
        next < path.Count
            ? GrainFactory.GetGrain<IChainGrain>(path[next]).CallAsync(path, next + 1)
            : Task.FromResult(string.Join(" -> ", RequestContext.CallChain));
}
