namespace BudgetActors.Dashboard.Overview;

/// <summary>What the Overview page shows: the cluster at one sample, with the history its charts draw.</summary>
internal sealed record OverviewModel(
    DateTimeOffset At,
    ClusterTotals Totals,
    IReadOnlyList<SiloOverview> Silos,
    OverviewPoint Now,
    IReadOnlyList<OverviewPoint> History,
    IReadOnlyList<MethodOverview> TopMethodsByCalls,
    IReadOnlyList<MethodOverview> TopMethodsByErrors,
    IReadOnlyList<MethodOverview> TopMethodsByLatency,
    IReadOnlyList<GrainTypeActivations> Activations);

/// <summary>Every live silo together.</summary>
internal sealed record ClusterTotals(int Silos, int Activations, long TotalCalls, long TotalFailures);

/// <summary>One live silo: who it is, whether it answers, and what it costs its machine.</summary>
/// <param name="Status">"Serving", "Not serving" (stopping, or its membership lease ran out) or "Not answering".</param>
internal sealed record SiloOverview(
    string Silo,
    string Name,
    bool IsThisSilo,
    string Status,
    double UptimeSeconds,
    double CpuPercent,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Activations,
    long TotalCalls,
    long TotalFailures,
    double CallsPerSecond);

/// <summary>One sample interval of the whole cluster's traffic and load (CPU: the silos' average).</summary>
internal sealed record OverviewPoint(
    DateTimeOffset At,
    double CallsPerSecond,
    double ErrorRate,
    double P50Milliseconds,
    double P99Milliseconds,
    double CpuPercent,
    long WorkingSetBytes);

/// <summary>One grain method across the cluster: totals and percentiles since the silos started, the rate over the last interval.</summary>
internal sealed record MethodOverview(
    string GrainInterface,
    string Method,
    long Calls,
    long Failures,
    double CallsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds);

internal sealed record GrainTypeActivations(string GrainType, int Activations);
