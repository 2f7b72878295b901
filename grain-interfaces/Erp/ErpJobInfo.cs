namespace BudgetActors.GrainInterfaces;

/// <summary>An ERP job as the ERP describes it.</summary>
[GenerateSerializer, Immutable]
public sealed record ErpJobInfo([property: Id(0)] string Job, [property: Id(1)] string Name, [property: Id(2)] bool HasEstimates);
