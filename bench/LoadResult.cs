namespace BudgetActors.Benchmarks;

/// <summary>Operations per second, latency percentiles, and this process's CPU time (all threads, kernel included) per operation.</summary>
internal sealed record LoadResult(double PerSecond, TimeSpan P50, TimeSpan P99, double CpuNanosecondsPerOperation)
{
    /// <summary>To the 100 ns of a <see cref="TimeSpan"/>; <see cref="CpuNanosecondsPerOperation"/> where that is too coarse.</summary>
    public TimeSpan CpuPerOperation => TimeSpan.FromTicks((long)(CpuNanosecondsPerOperation / 100));
}
