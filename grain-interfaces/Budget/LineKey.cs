namespace BudgetActors.GrainInterfaces;

/// <summary>A budget line's identity: cost code and category.</summary>
[GenerateSerializer, Immutable]
public readonly record struct LineKey([property: Id(0)] string CostCode, [property: Id(1)] string Category)
{
    public override string ToString() => $"{CostCode}/{Category}";
}
