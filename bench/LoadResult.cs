namespace BudgetActors.Benchmarks;

/// <summary>Operations per second, latency percentiles, and this process's CPU time (all threads, kernel included) per operation.</summary>
internal sealed record LoadResult(double PerSecond, TimeSpan P50, TimeSpan P99, TimeSpan CpuPerOperation);
