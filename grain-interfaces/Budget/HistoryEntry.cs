namespace BudgetActors.GrainInterfaces;

/// <summary>One step of a budget's history: who did what, when, from which status to which.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string UserId, string Action, BudgetStatus From, BudgetStatus To, string? Detail = null);
