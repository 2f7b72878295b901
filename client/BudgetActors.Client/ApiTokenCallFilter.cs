using BudgetActors.GrainInterfaces;
using Microsoft.Extensions.Options;

namespace BudgetActors.Client;

/// <summary>
/// Puts the app's API token into every call's request context. The silo authenticates it and sets the
/// caller; an identity the app sets itself is not believed, so none is sent.
/// </summary>
internal sealed class ApiTokenCallFilter(IOptions<ClusterClientOptions> options) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        CallerContext.Token = options.Value.Token;
        CallerContext.Caller = null;
        return context.Invoke();
    }
}
