namespace BudgetActors.ErpSimulator;

/// <summary>A company's journal as the admin endpoint shows it.</summary>
/// <param name="DoublePostings">Batch keys whose posting was applied more than once.</param>
/// <param name="Entries">The calls, oldest first (the most recent ones when the journal was asked for a tail).</param>
public sealed record JournalReport(
    SimulatedSystem System,
    string Company,
    long Calls,
    long PostingsApplied,
    IReadOnlyList<JournalOverlap> Overlaps,
    IReadOnlyList<string> DoublePostings,
    IReadOnlyList<JournalEntry> Entries);
