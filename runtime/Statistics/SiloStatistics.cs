using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime;

/// <summary>
/// What this silo can tell an operator about itself, read-only: calls per method, activations per grain
/// type, and the silos it knows to be live. The runtime's own types stay internal; this is the door the
/// dashboard (or a metrics exporter) goes through.
/// </summary>
public sealed class SiloStatistics
{
    private readonly GrainRuntime _runtime;
    private readonly IServiceProvider _services;

    internal SiloStatistics(GrainRuntime runtime, LocalSiloDetails silo, IServiceProvider services)
    {
        _runtime = runtime;
        _services = services;
        Silo = silo;
    }

    /// <summary>This silo's name and address.</summary>
    public LocalSiloDetails Silo { get; }

    /// <summary>Calls, failures and latency per grain method since the silo started.</summary>
    public CallStatistics Calls => _runtime.Statistics;

    /// <summary>Activations on this silo per grain type.</summary>
    public IReadOnlyDictionary<string, int> ActivationsByType() => _runtime.ActivationCountsByType();

    /// <summary>
    /// The live silos as this silo's membership view has them (itself included), ordered by id; empty for
    /// a silo that has no cluster endpoint.
    /// </summary>
    public IReadOnlyList<SiloAddress> ClusterSilos() =>
        _services.GetService<ClusterMembership>()?.View.Silos ?? [];
}
