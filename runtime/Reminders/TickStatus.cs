namespace BudgetActors.Runtime;

/// <summary>When a reminder started, its period, and when the tick being delivered came due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
