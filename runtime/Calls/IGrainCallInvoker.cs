namespace BudgetActors.Runtime;

/// <summary>
/// Where a grain reference sends its calls: the silo's runtime inside the cluster, the gateway connection
/// in a client.
/// </summary>
public interface IGrainCallInvoker
{
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainCall<TResult> call);
}
