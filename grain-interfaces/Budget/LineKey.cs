namespace BudgetActors.GrainInterfaces;

/// <summary>A budget line's identity: cost code and category.</summary>
public readonly record struct LineKey(string CostCode, string Category)
{
    public override string ToString() => $"{CostCode}/{Category}";
}
