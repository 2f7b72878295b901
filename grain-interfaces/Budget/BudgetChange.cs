namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A budget change (modification): how a locked or synced budget changes. It moves one line's revised
/// estimate by <paramref name="Amount"/> (negative to reduce).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BudgetChange([property: Id(0)] string ChangeId, [property: Id(1)] string CostCode, [property: Id(2)] string Category, [property: Id(3)] decimal Amount, [property: Id(4)] string Description)
{
    public LineKey Key => new(CostCode, Category);
}
