using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>Who this silo is: its name, and once it has joined a cluster, its address (the dashboard and the host show them).</summary>
public sealed class LocalSiloDetails(IOptions<SiloOptions> options)
{
    public string Name { get; } = options.Value.SiloName;

    public string ServiceId { get; } = options.Value.ServiceId;

    /// <summary>Where clients and silos reach this silo; null when it has no endpoint.</summary>
    public SiloAddress? Address { get; internal set; }

    /// <summary>
    /// True while the silo takes calls: started, and in a cluster holding a current membership lease (not
    /// stopping, not declared dead). Health checks that cannot speak HTTP/2 to the endpoint ask this.
    /// </summary>
    public bool IsServing => ServingCheck();

    /// <summary>Set by the silo host as it starts and stops.</summary>
    internal Func<bool> ServingCheck { get; set; } = static () => false;
}
