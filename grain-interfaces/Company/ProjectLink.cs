namespace BudgetActors.GrainInterfaces;

/// <summary>A project linked to its ERP job; budgets can only go to a job that is synced.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectLink([property: Id(0)] string ProjectId, [property: Id(1)] string ErpJob, [property: Id(2)] bool JobSynced);
