namespace BudgetActors.GrainInterfaces;

/// <summary>A step of one project's budget history, among the latest steps of its company.</summary>
public sealed record HistoryEvent(string ProjectId, HistoryEntry Entry);
