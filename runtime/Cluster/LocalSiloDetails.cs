using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Who this silo is: its name, and once it has joined a cluster, its address (the dashboard and the host show them).</summary>
public sealed class LocalSiloDetails(IOptions<SiloOptions> options)
{
    public string Name { get; } = options.Value.SiloName;

    public string ServiceId { get; } = options.Value.ServiceId;

    /// <summary>Where clients and silos reach this silo; null when it has no endpoint.</summary>
    public SiloAddress? Address { get; internal set; }
}
