namespace BudgetActors.ErpSimulator;

/// <summary>Two calls to one company that were in flight at the same time (the gateway should make this impossible).</summary>
public sealed record JournalOverlap(long First, long Second);
