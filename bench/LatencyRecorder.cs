using System.Diagnostics;

namespace BudgetActors.Benchmarks;

/// <summary>Counts operations and their latencies, one recorder per load task (no sharing on the hot path).</summary>
internal sealed class LatencyRecorder
{
    private readonly long[] _buckets = new long[LatencyHistogram.BucketCount];

    public long Count { get; private set; }

    public void Record(long startTimestamp)
    {
        var nanoseconds = (long)((Stopwatch.GetTimestamp() - startTimestamp) * (1e9 / Stopwatch.Frequency));
        _buckets[LatencyHistogram.BucketOf(nanoseconds)]++;
        Count++;
    }

    public static (long Count, TimeSpan P50, TimeSpan P99) Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        long count = 0;
        foreach (var recorder in recorders)
        {
            count += recorder.Count;
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += recorder._buckets[i];
            }
        }

        static TimeSpan At(long[] b, long n, double q) => TimeSpan.FromTicks((long)(LatencyHistogram.Percentile(b, n, q) / 100));
        return (count, At(buckets, count, 0.50), At(buckets, count, 0.99));
    }
}
