namespace BudgetActors.GrainInterfaces;

/// <summary>An ERP job as the ERP describes it.</summary>
public sealed record ErpJobInfo(string Job, string Name, bool HasEstimates);
