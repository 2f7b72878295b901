namespace BudgetActors.GrainInterfaces;

/// <summary>What a re-import would do, before it is committed.</summary>
public sealed record ReimportPreview(decimal CurrentErpTotal, decimal CurrentBudgetTotal, decimal NewTotal, int LinesAdded, int LinesUpdated);
