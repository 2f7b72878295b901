using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>Counts and the latency distribution of one grain method since the silo started.</summary>
public sealed record MethodCallSnapshot(string GrainInterface, string Method, long Calls, long Failures, LatencyDistribution Latency)
{
    [JsonIgnore]
    public TimeSpan P50 => Latency.Percentile(0.50);

    [JsonIgnore]
    public TimeSpan P99 => Latency.Percentile(0.99);
}
