namespace BudgetActors.Grains.Erp;

/// <summary>How ERP call leases report long waits and how quickly PostgreSQL finds a holder that vanished.</summary>
public sealed class ErpCallLeaseOptions
{
    /// <summary>
    /// A wait for a lease longer than this is logged as a warning while it lasts, and again when the lease is
    /// taken. With one activation per company the lease is never contended, so a wait this long means a second
    /// activation or a holder PostgreSQL has not yet found dead. Default 1 second.
    /// </summary>
    public TimeSpan WaitWarningThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a lease connection may be silent before TCP keepalive probes start, on both ends: PostgreSQL
    /// probes the silo (so a lock held by a silo host that lost power is freed) and the silo probes PostgreSQL
    /// (so a wait on a server that vanished fails). Whole seconds. Default 10 seconds.
    /// </summary>
    public TimeSpan KeepAliveIdle { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time between unanswered keepalive probes. Whole seconds. Default 3 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many unanswered probes PostgreSQL takes for a dead silo. Default 3.</summary>
    public int KeepAliveCount { get; set; } = 3;

    /// <summary>How long releasing a lease may take before its connection is closed instead. Whole seconds. Default 5 seconds.</summary>
    public TimeSpan ReleaseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// About how long PostgreSQL keeps the lock of a silo host that vanished without closing its connection
    /// (power loss, cable pulled): idle time plus the unanswered probes. Until then the company's calls wait.
    /// </summary>
    public TimeSpan DeadHolderDetection => KeepAliveIdle + KeepAliveInterval * KeepAliveCount;

    internal bool IsValid(out string? problem)
    {
        problem = this switch
        {
            { WaitWarningThreshold: var t } when t < TimeSpan.Zero => "WaitWarningThreshold must not be negative",
            { KeepAliveIdle.TotalSeconds: < 1 } => "KeepAliveIdle must be at least 1 second",
            { KeepAliveInterval.TotalSeconds: < 1 } => "KeepAliveInterval must be at least 1 second",
            { KeepAliveCount: < 1 } => "KeepAliveCount must be at least 1",
            { ReleaseTimeout.TotalSeconds: < 1 } => "ReleaseTimeout must be at least 1 second",
            _ => null,
        };
        return problem is null;
    }
}
