namespace BudgetActors.Runtime;

/// <summary>Why an activation is going away, with a sentence for the logs.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
