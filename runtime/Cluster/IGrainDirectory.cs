namespace BudgetActors.Runtime;

/// <summary>
/// The cluster-wide record of which silo runs each active grain: the guarantee that two activations of one
/// grain never serve calls at the same time, even while silos disagree about membership.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Records <paramref name="silo"/>'s new activation of <paramref name="grain"/> unless a live member
    /// already holds it; returns the silo that holds it afterwards (this one when the claim succeeded).
    /// </summary>
    Task<string> RegisterAsync(GrainId grain, string silo, Guid activation, CancellationToken cancellationToken);

    /// <summary>Removes the entry if it is still this activation's.</summary>
    Task UnregisterAsync(GrainId grain, Guid activation, CancellationToken cancellationToken);

    /// <summary>Removes every entry of <paramref name="silo"/> (it has deactivated everything and is leaving).</summary>
    Task UnregisterSiloAsync(string silo, CancellationToken cancellationToken);
}
