namespace BudgetActors.Runtime;

/// <summary>Where the silos of one service say they are alive. PostgreSQL for a cluster; memory for tests.</summary>
public interface IMembershipTable
{
    /// <summary>Adds this run of a silo as an active member.</summary>
    Task JoinAsync(MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat; false when the member is no longer active (it was declared dead).</summary>
    Task<bool> HeartbeatAsync(SiloAddress silo, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Moves a member to <paramref name="status"/> if its row still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryUpdateStatusAsync(SiloAddress silo, SiloStatus status, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Moves this member to <paramref name="status"/> whatever its version (its own graceful steps).</summary>
    Task SetOwnStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken);
}
