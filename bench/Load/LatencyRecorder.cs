using System.Diagnostics;

namespace BudgetActors.Benchmarks.Load;

/// <summary>
/// Counts operations and their latencies in a log-scaled histogram (8 buckets per power of two, so any
/// percentile is within 9 % of the true value), one recorder per caller: nothing shared on the hot path.
/// </summary>
internal sealed class LatencyRecorder
{
    private const int PerOctave = 8;
    private const int Buckets = 40 * PerOctave; // up to 2^40 ns, about 18 minutes
    private readonly long[] _buckets = new long[Buckets];

    public long Count { get; private set; }

    public void Record(long startTimestamp)
    {
        var nanoseconds = Math.Max(1.0, Stopwatch.GetElapsedTime(startTimestamp).TotalNanoseconds);
        _buckets[Math.Min(Buckets - 1, (int)(Math.Log2(nanoseconds) * PerOctave))]++;
        Count++;
    }

    public static (long Count, TimeSpan P50, TimeSpan P99) Merge(IReadOnlyList<LatencyRecorder> recorders)
    {
        var merged = new long[Buckets];
        foreach (var recorder in recorders)
        {
            for (var i = 0; i < Buckets; i++)
            {
                merged[i] += recorder._buckets[i];
            }
        }

        var count = merged.Sum();
        return (count, Percentile(merged, count, 0.50), Percentile(merged, count, 0.99));
    }

    /// <summary>The upper edge of the bucket the percentile falls in.</summary>
    private static TimeSpan Percentile(long[] buckets, long count, double quantile)
    {
        var rank = (long)Math.Ceiling(count * quantile);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank && seen > 0)
            {
                return TimeSpan.FromTicks((long)(Math.Pow(2, (i + 1) / (double)PerOctave) / 100));
            }
        }

        return TimeSpan.Zero;
    }
}
