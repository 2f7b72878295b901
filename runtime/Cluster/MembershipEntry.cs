namespace BudgetActors.Runtime;

/// <summary>
/// One row of the membership table. <see cref="Version"/> grows with every change, so a member declaring
/// another dead does it only if nobody changed the row since it was read (compare and swap).
/// </summary>
public sealed record MembershipEntry(
    SiloAddress Address,
    string SiloName,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    long Version)
{
    /// <summary>Whether the member still owns its activations (serving, or finishing them while it stops).</summary>
    public bool IsLive => Status is SiloStatus.Active or SiloStatus.ShuttingDown;
}
