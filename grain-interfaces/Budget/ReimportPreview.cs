namespace BudgetActors.GrainInterfaces;

/// <summary>What a re-import would do, before it is committed.</summary>
[GenerateSerializer, Immutable]
public sealed record ReimportPreview([property: Id(0)] decimal CurrentErpTotal, [property: Id(1)] decimal CurrentBudgetTotal, [property: Id(2)] decimal NewTotal, [property: Id(3)] int LinesAdded, [property: Id(4)] int LinesUpdated);
