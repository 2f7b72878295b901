namespace BudgetActors.Grains.Domain;

/// <summary>A line as the ERP last took it: the next update exports only what differs from this.</summary>
public sealed record ExportedLine(string CostCode, string Category, decimal Original, decimal Revised)
{
    public LineKey Key => new(CostCode, Category);
}
