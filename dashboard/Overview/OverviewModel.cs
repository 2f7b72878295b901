namespace BudgetActors.Dashboard.Overview;

/// <summary>What the Overview page shows: one sample, with the history its charts draw.</summary>
internal sealed record OverviewModel(
    DateTimeOffset At,
    SiloOverview ThisSilo,
    IReadOnlyList<ClusterMemberOverview> Cluster,
    OverviewPoint Now,
    IReadOnlyList<OverviewPoint> History,
    IReadOnlyList<MethodOverview> TopMethodsByCalls,
    IReadOnlyList<MethodOverview> TopMethodsByErrors,
    IReadOnlyList<MethodOverview> TopMethodsByLatency,
    IReadOnlyList<GrainTypeActivations> Activations);

/// <summary>This silo: who it is and what it costs the machine.</summary>
internal sealed record SiloOverview(
    string Name,
    string? Address,
    string Status,
    double UptimeSeconds,
    double CpuPercent,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Activations,
    long TotalCalls,
    long TotalFailures);

/// <summary>A live silo of the cluster as this silo's membership view has it.</summary>
internal sealed record ClusterMemberOverview(string Address, bool IsThisSilo);

/// <summary>One second (one sample interval) of traffic and load.</summary>
internal sealed record OverviewPoint(
    DateTimeOffset At,
    double CallsPerSecond,
    double ErrorRate,
    double P50Milliseconds,
    double P99Milliseconds,
    double CpuPercent,
    long WorkingSetBytes);

/// <summary>One grain method: totals and percentiles since the silo started, the rate over the last interval.</summary>
internal sealed record MethodOverview(
    string GrainInterface,
    string Method,
    long Calls,
    long Failures,
    double CallsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds);

internal sealed record GrainTypeActivations(string GrainType, int Activations);
