namespace BudgetActors.Runtime;

/// <summary>Why an activation is going away.</summary>
public enum DeactivationReasonCode
{
    ApplicationRequested,
    ActivationIdle,
    ShuttingDown,
    InconsistentState,
    ActivationFailed,
}
