namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One line of a budget, keyed by cost code and category (Spectrum and Vista say "cost type"). Amounts are
/// money: two decimal places, and an original budget is never negative.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BudgetLine([property: Id(0)] string CostCode, [property: Id(1)] string Category, [property: Id(2)] string Description, [property: Id(3)] decimal OriginalAmount)
{
    public LineKey Key => new(CostCode, Category);
}
