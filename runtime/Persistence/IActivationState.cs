namespace BudgetActors.Runtime;

/// <summary>A piece of an activation's state that must be loaded before <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadAsync(CancellationToken cancellationToken);
}
