namespace BudgetActors.Runtime;

/// <summary>Counts and latency percentiles of one grain method since the silo started.</summary>
public sealed record MethodCallSnapshot(string GrainInterface, string Method, long Calls, long Failures, TimeSpan P50, TimeSpan P99);
