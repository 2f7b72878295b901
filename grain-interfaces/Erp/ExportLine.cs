namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One line of an export: the original budget goes to the ERP's original estimate, the revised estimate
/// (original plus budget changes) to its current estimate.
/// </summary>
public sealed record ExportLine(string CostCode, string Category, decimal Original, decimal Revised)
{
    public LineKey Key => new(CostCode, Category);
}
