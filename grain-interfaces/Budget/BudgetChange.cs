namespace BudgetActors.GrainInterfaces;

/// <summary>
/// A budget change (modification): how a locked or synced budget changes. It moves one line's revised
/// estimate by <paramref name="Amount"/> (negative to reduce).
/// </summary>
public sealed record BudgetChange(string ChangeId, string CostCode, string Category, decimal Amount, string Description)
{
    public LineKey Key => new(CostCode, Category);
}
