using System.Numerics;

namespace BudgetActors.Runtime;

/// <summary>
/// Log-linear buckets over nanoseconds (eight per power of two, so a percentile is within 12.5%), cheap
/// enough to record on every call with one interlocked increment.
/// </summary>
internal static class LatencyHistogram
{
    private const int LinearBuckets = 16;
    private const int SubBuckets = 8;
    private const int MaxExponent = 40; // about 18 minutes; anything slower lands in the last bucket

    public const int BucketCount = LinearBuckets + ((MaxExponent - 3) * SubBuckets);

    public static int BucketOf(long nanoseconds)
    {
        if (nanoseconds < LinearBuckets)
        {
            return (int)Math.Max(nanoseconds, 0);
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)nanoseconds);
        if (exponent >= MaxExponent)
        {
            return BucketCount - 1;
        }

        var sub = (int)((nanoseconds >> (exponent - 3)) & (SubBuckets - 1));
        return LinearBuckets + ((exponent - 4) * SubBuckets) + sub;
    }

    /// <summary>The middle of a bucket's range, in nanoseconds.</summary>
    public static double MidpointOf(int bucket)
    {
        if (bucket < LinearBuckets)
        {
            return bucket;
        }

        var exponent = ((bucket - LinearBuckets) / SubBuckets) + 4;
        var sub = (bucket - LinearBuckets) % SubBuckets;
        var low = (long)(SubBuckets + sub) << (exponent - 3);
        var high = (long)(SubBuckets + sub + 1) << (exponent - 3);
        return (low + high) / 2.0;
    }

    /// <summary>The value below which <paramref name="quantile"/> of the counted values fall, in nanoseconds.</summary>
    public static double Percentile(long[] buckets, long total, double quantile)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return MidpointOf(i);
            }
        }

        return MidpointOf(buckets.Length - 1);
    }
}
