namespace BudgetActors.Benchmarks.Load;

/// <summary>Operations per second, latency percentiles, and this process's CPU time (all threads) per operation.</summary>
internal sealed record LoadResult(double PerSecond, TimeSpan P50, TimeSpan P99, double CpuNanosecondsPerOperation)
{
    /// <summary>The median of several rounds of one contender (by operations per second).</summary>
    public static LoadResult Median(IReadOnlyCollection<LoadResult> rounds) =>
        rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);

    /// <summary>"12,345/s (p50 40 us, p99 1.20 ms, 80 us CPU)" for a result table.</summary>
    public string Describe() => $"{PerSecond:N0}/s (p50 {Format(P50)}, p99 {Format(P99)}, {CpuNanosecondsPerOperation / 1000:N1} us CPU)";

    public static string Format(TimeSpan span) =>
        span < TimeSpan.FromMilliseconds(1) ? $"{span.TotalMicroseconds:0} us" : $"{span.TotalMilliseconds:0.00} ms";
}
