namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One line of a budget, keyed by cost code and category (Spectrum and Vista say "cost type"). Amounts are
/// money: two decimal places, and an original budget is never negative.
/// </summary>
public sealed record BudgetLine(string CostCode, string Category, string Description, decimal OriginalAmount)
{
    public LineKey Key => new(CostCode, Category);
}
