namespace BudgetActors.Runtime;

/// <summary>
/// Per grain method: calls, failures and latency (from the call being made to its method finishing,
/// queueing included). Read by the dashboard; recording costs one interlocked increment.
/// </summary>
public sealed class CallStatistics(TimeProvider timeProvider)
{
    private readonly Lock _growLock = new();
    private readonly double _nanosecondsPerTick = 1e9 / timeProvider.TimestampFrequency;
    private MethodCallStatistics?[] _methods = new MethodCallStatistics?[64];

    /// <summary>Whether calls are recorded. On by default; off only to measure what recording costs.</summary>
    public bool Enabled { get; set; } = true;

    public IReadOnlyList<MethodCallSnapshot> Snapshot() =>
        [.. Volatile.Read(ref _methods).OfType<MethodCallStatistics>().Select(m => m.Snapshot())];

    /// <summary>The latency of every call of every method since the silo started, as one distribution.</summary>
    public LatencyDistribution AllCalls()
    {
        var buckets = new long[LatencyHistogram.BucketCount];
        foreach (var method in Volatile.Read(ref _methods).OfType<MethodCallStatistics>())
        {
            method.AddBucketsTo(buckets);
        }

        return new LatencyDistribution(buckets);
    }

    internal void Record(GrainMethod method, long elapsedTicks, bool failed)
    {
        if (!Enabled)
        {
            return;
        }

        var methods = Volatile.Read(ref _methods);
        var stats = method.Id < methods.Length ? methods[method.Id] : null;
        (stats ?? Add(method)).Record((long)(elapsedTicks * _nanosecondsPerTick), failed);
    }

    private MethodCallStatistics Add(GrainMethod method)
    {
        lock (_growLock)
        {
            var methods = _methods;
            if (method.Id >= methods.Length)
            {
                Array.Resize(ref methods, Math.Max(methods.Length * 2, method.Id + 1));
            }

            var stats = methods[method.Id] ??= new MethodCallStatistics(method);
            Volatile.Write(ref _methods, methods);
            return stats;
        }
    }
}
