namespace BudgetActors.GrainInterfaces;

/// <summary>A project linked to its ERP job; budgets can only go to a job that is synced.</summary>
public sealed record ProjectLink(string ProjectId, string ErpJob, bool JobSynced);
