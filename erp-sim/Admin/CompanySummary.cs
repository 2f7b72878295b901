namespace BudgetActors.ErpSimulator;

/// <summary>A company in the admin listing, with the journal's verdict so far.</summary>
public sealed record CompanySummary(SimulatedSystem System, string Code, int Jobs, long Calls, long PostingsApplied, int Overlaps, int DoublePostings);
