using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>
/// Call latencies counted in the runtime's histogram buckets. Two distributions taken a second apart
/// subtract into the calls of that second, so a dashboard shows the p99 of now, not of since start.
/// </summary>
[JsonConverter(typeof(LatencyDistributionJsonConverter))]
public sealed class LatencyDistribution
{
    private readonly long[] _buckets;

    internal LatencyDistribution(long[] buckets)
    {
        _buckets = buckets;
        Count = buckets.Sum();
    }

    public static LatencyDistribution Empty { get; } = new(new long[LatencyHistogram.BucketCount]);

    /// <summary>How many calls the distribution holds.</summary>
    public long Count { get; }

    /// <summary>The bucket counts, in the runtime's bucket order (read-only by convention: shared, never copied).</summary>
    internal long[] Buckets => _buckets;

    /// <summary>The calls of both distributions together: how the figures of several silos add up to the cluster's.</summary>
    public LatencyDistribution Add(LatencyDistribution other)
    {
        var buckets = new long[_buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = _buckets[i] + other._buckets[i];
        }

        return new LatencyDistribution(buckets);
    }

    /// <summary>The calls in this distribution that <paramref name="earlier"/> did not hold yet.</summary>
    public LatencyDistribution Since(LatencyDistribution earlier)
    {
        var buckets = new long[_buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            // Buckets only grow; a negative difference would mean the two came from different silos or runs.
            buckets[i] = Math.Max(0, _buckets[i] - earlier._buckets[i]);
        }

        return new LatencyDistribution(buckets);
    }

    /// <summary>The latency below which <paramref name="quantile"/> (0 to 1) of the calls finished; zero without calls.</summary>
    public TimeSpan Percentile(double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        return TimeSpan.FromTicks((long)(LatencyHistogram.Percentile(_buckets, Count, quantile) / 100));
    }
}
