namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One line of an export: the original budget goes to the ERP's original estimate, the revised estimate
/// (original plus budget changes) to its current estimate.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExportLine([property: Id(0)] string CostCode, [property: Id(1)] string Category, [property: Id(2)] decimal Original, [property: Id(3)] decimal Revised)
{
    public LineKey Key => new(CostCode, Category);
}
