namespace BudgetActors.Erp;

/// <summary>A phase and cost type of an ERP job: estimates (original and current) and job-to-date cost.</summary>
public sealed record ErpPhase(string Description, decimal OriginalEstimate, decimal CurrentEstimate, decimal JobToDateCost);
