using System.Numerics;

namespace BudgetActors.Runtime;

/// <summary>
/// Counters for one grain method, striped by processor so that threads recording calls at once rarely
/// touch the same cache line. A call costs one interlocked increment (two if it failed): the calls are
/// the sum of the latency buckets, not a counter of their own.
/// </summary>
internal sealed class MethodCallStatistics(GrainMethod method)
{
    private static readonly int s_stripeMask = (int)BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount) - 1;

    // Each stripe is the latency buckets then the failures, padded to whole 128-byte blocks (a cache line and
    // the neighbour the processor prefetches with it), and the array starts with one such block of padding:
    // a stripe written by one core never shares a line with another stripe nor with the array's length,
    // which every core reads on every call.
    private const int LongsPerBlock = 16;
    private const int Failures = LatencyHistogram.BucketCount;
    private const int StripeLength = (Failures + 1 + LongsPerBlock - 1) / LongsPerBlock * LongsPerBlock;

    private readonly long[] _counts = new long[LongsPerBlock + ((s_stripeMask + 1) * StripeLength)];

    public GrainMethod Method { get; } = method;

    public void Record(long nanoseconds, bool failed)
    {
        var stripe = LongsPerBlock + ((Thread.GetCurrentProcessorId() & s_stripeMask) * StripeLength);
        Interlocked.Increment(ref _counts[stripe + LatencyHistogram.BucketOf(nanoseconds)]);
        if (failed)
        {
            Interlocked.Increment(ref _counts[stripe + Failures]);
        }
    }

    /// <summary>Adds this method's latency bucket counts to <paramref name="buckets"/>.</summary>
    public void AddBucketsTo(long[] buckets)
    {
        for (var stripe = LongsPerBlock; stripe < _counts.Length; stripe += StripeLength)
        {
            for (var i = 0; i < LatencyHistogram.BucketCount; i++)
            {
                buckets[i] += Volatile.Read(ref _counts[stripe + i]);
            }
        }
    }

    public MethodCallSnapshot Snapshot()
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        AddBucketsTo(buckets);
        long failures = 0;
        for (var stripe = LongsPerBlock; stripe < _counts.Length; stripe += StripeLength)
        {
            failures += Volatile.Read(ref _counts[stripe + Failures]);
        }

        // The calls are the sum of the latency buckets (Count): one increment per call, not two.
        var latency = new LatencyDistribution(buckets);
        return new MethodCallSnapshot(Method.InterfaceType.Name, Method.Name, latency.Count, failures, latency);
    }
}
