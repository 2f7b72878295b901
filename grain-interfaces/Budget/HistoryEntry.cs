namespace BudgetActors.GrainInterfaces;

/// <summary>One step of a budget's history: who did what, when, from which status to which.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEntry([property: Id(0)] DateTimeOffset At, [property: Id(1)] string UserId, [property: Id(2)] string Action, [property: Id(3)] BudgetStatus From, [property: Id(4)] BudgetStatus To, [property: Id(5)] string? Detail = null);
