namespace BudgetActors.Grains.Activity;

/// <summary>
/// One of a company's latest history steps as stored, numbered in the order they were recorded: steps of one
/// moment (a budget's steps can share a timestamp) still keep their order.
/// </summary>
public sealed record RecentEvent(long Sequence, HistoryEvent Event);
