using BudgetActors.Runtime;

namespace BudgetActors.Dashboard.Cluster;

/// <summary>
/// What one silo did between two of its reports. Its counters only grow while it runs, so the difference
/// is the interval; a silo that restarted (another start time) or is new counts from zero.
/// </summary>
internal sealed class SiloInterval
{
    private readonly Dictionary<(string, string), MethodCallSnapshot> _before;

    public SiloInterval(SiloReport now, SiloReport? before)
    {
        Now = now;
        var comparable = before is { Reachable: true } && now.Reachable && before.StartedAt == now.StartedAt;
        Seconds = comparable ? Math.Max((now.At - before!.At).TotalSeconds, 0) : 0;
        _before = comparable ? before!.Methods.ToDictionary(m => (m.GrainInterface, m.Method)) : [];
        CpuPercent = Seconds > 0 ? Math.Round((now.ProcessorTime - before!.ProcessorTime).TotalSeconds / Seconds / now.ProcessorCount * 100, 1) : 0;
    }

    public SiloReport Now { get; }

    /// <summary>The interval's length; zero on a first report, which then shows no rates.</summary>
    public double Seconds { get; }

    public double CpuPercent { get; }

    public long CallsOf(MethodCallSnapshot method) => method.Calls - (Before(method)?.Calls ?? method.Calls);

    public long FailuresOf(MethodCallSnapshot method) => method.Failures - (Before(method)?.Failures ?? method.Failures);

    public LatencyDistribution LatencyOf(MethodCallSnapshot method) => Before(method) is { } before ? method.Latency.Since(before.Latency) : LatencyDistribution.Empty;

    public double PerSecond(long count) => Seconds > 0 ? count / Seconds : 0;

    private MethodCallSnapshot? Before(MethodCallSnapshot method) =>
        Seconds > 0 ? _before.GetValueOrDefault((method.GrainInterface, method.Method)) ?? method with { Calls = 0, Failures = 0, Latency = LatencyDistribution.Empty } : null;
}
