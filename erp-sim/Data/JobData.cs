namespace BudgetActors.ErpSimulator;

/// <summary>A job of a simulated company. A closed job refuses postings.</summary>
public sealed record JobData(string Job, string Name, IReadOnlyList<PhaseData> Phases, bool Closed = false);
