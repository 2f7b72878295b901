namespace BudgetActors.GrainInterfaces;

/// <summary>One phase and cost type of an ERP job: its original estimate and job-to-date cost.</summary>
[GenerateSerializer, Immutable]
public sealed record ErpEstimate([property: Id(0)] string CostCode, [property: Id(1)] string Category, [property: Id(2)] string Description, [property: Id(3)] decimal OriginalEstimate, [property: Id(4)] decimal JobToDateCost);
