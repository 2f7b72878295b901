namespace BudgetActors.GrainInterfaces;

/// <summary>A step of one project's budget history, among the latest steps of its company.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEvent([property: Id(0)] string ProjectId, [property: Id(1)] HistoryEntry Entry);
