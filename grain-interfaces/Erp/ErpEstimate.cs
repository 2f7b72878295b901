namespace BudgetActors.GrainInterfaces;

/// <summary>One phase and cost type of an ERP job: its original estimate and job-to-date cost.</summary>
public sealed record ErpEstimate(string CostCode, string Category, string Description, decimal OriginalEstimate, decimal JobToDateCost);
