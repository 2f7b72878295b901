namespace BudgetActors.Grains.Security;

/// <summary>How the silo's own code (REST API, set-up, operator pages) proves its calls are its own.</summary>
public sealed class SiloCallerOptions
{
    /// <summary>
    /// The secret that marks the silo's own calls, the same on every silo of the cluster: such a call leaves
    /// through the silo's hosted client and may land on another silo, which must recognise the mark. Default:
    /// null, a secret made up when the process starts, which only that silo knows (enough for one silo).
    /// </summary>
    public string? ClusterSecret { get; set; }
}
