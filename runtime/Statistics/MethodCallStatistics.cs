namespace BudgetActors.Runtime;

/// <summary>
/// Counters for one grain method, striped by processor so that threads recording calls at once rarely
/// touch the same cache line.
/// </summary>
internal sealed class MethodCallStatistics(GrainMethod method)
{
    private static readonly int s_stripeMask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount) - 1;

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, s_stripeMask + 1).Select(_ => new Stripe())];

    public GrainMethod Method { get; } = method;

    public void Record(long nanoseconds, bool failed)
    {
        var stripe = _stripes[Thread.GetCurrentProcessorId() & s_stripeMask];
        Interlocked.Increment(ref stripe.Calls);
        if (failed)
        {
            Interlocked.Increment(ref stripe.Failures);
        }

        Interlocked.Increment(ref stripe.Buckets[LatencyHistogram.BucketOf(nanoseconds)]);
    }

    /// <summary>Adds this method's latency bucket counts to <paramref name="buckets"/>.</summary>
    public void AddBucketsTo(long[] buckets)
    {
        foreach (var stripe in _stripes)
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += Volatile.Read(ref stripe.Buckets[i]);
            }
        }
    }

    public MethodCallSnapshot Snapshot()
    {
        long calls = 0, failures = 0;
        var buckets = new long[LatencyHistogram.BucketCount];
        foreach (var stripe in _stripes)
        {
            calls += Volatile.Read(ref stripe.Calls);
            failures += Volatile.Read(ref stripe.Failures);
        }

        AddBucketsTo(buckets);
        return new MethodCallSnapshot(Method.InterfaceType.Name, Method.Name, calls, failures, new LatencyDistribution(buckets));
    }

    private sealed class Stripe
    {
        public readonly long[] Buckets = new long[LatencyHistogram.BucketCount];
        public long Calls;
        public long Failures;
    }
}
