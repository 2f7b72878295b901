namespace BudgetActors.ErpSimulator;

/// <summary>A phase (cost code) and cost type of a job: estimates and job-to-date cost.</summary>
public sealed record PhaseData(
    string CostCode,
    string CostType,
    string Description,
    decimal OriginalEstimate,
    decimal CurrentEstimate,
    decimal JobToDateCost);
