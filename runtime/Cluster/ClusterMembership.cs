using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>
/// This silo's place in the cluster: it joins the membership table, heartbeats, reads who else is alive,
/// declares members whose heartbeats stopped dead, and keeps the view placement works from.
/// </summary>
/// <remarks>
/// A silo holds a lease on its own activations: it serves calls only while its last successful heartbeat
/// is younger than the death timeout minus one heartbeat interval. Others declare it dead only once the
/// heartbeat is older than the full timeout, so by then it has already stopped serving: a silo cut off
/// from the database never runs a grain that another silo has taken over.
/// </remarks>
internal sealed class ClusterMembership(
    IMembershipTable table,
    IOptions<ClusterOptions> options,
    IOptions<SiloOptions> silo,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<ClusterMembership> logger) : IDisposable
{
    private readonly ClusterOptions _options = options.Value;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private TaskCompletionSource _nextView = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PeriodicWork? _heartbeats;
    private long _leaseUntil;
    private volatile bool _fenced;

    public SiloAddress Self { get; private set; } = null!;

    public MembershipView View { get; private set; } = MembershipView.Empty;

    /// <summary>Whether this silo may run grain calls now (joined, lease valid, not declared dead).</summary>
    public bool IsServing => !_fenced && time.GetTimestamp() < Volatile.Read(ref _leaseUntil);

    /// <summary>Raised (on the heartbeat loop) when the set of live silos changes.</summary>
    public event Action<MembershipView>? ViewChanged;

    public async Task JoinAsync(SiloAddress self, CancellationToken cancellationToken)
    {
        Self = self;
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        await table.JoinAsync(new MembershipEntry(self, silo.Value.SiloName, SiloStatus.Active, now, now, 1), cancellationToken).ConfigureAwait(false);
        RenewLease(started);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        RuntimeLog.SiloJoined(logger, self.Id, View.Silos.Count);
        await NotifyAsync(View.Silos.Where(s => s != self), cancellationToken).ConfigureAwait(false);
        _heartbeats = PeriodicWork.Start(_options.HeartbeatInterval, time, runAtOnce: false, HeartbeatAsync,
            e => RuntimeLog.HeartbeatFailed(logger, e)); // the lease runs out on its own if this keeps failing
    }

    /// <summary>Tells the other live silos to read the table now, so they see a join or a leave at once.</summary>
    public Func<SiloAddress, CancellationToken, Task<bool>>? RequestRefresh { get; set; }

    /// <summary>Marks this silo as stopping; once the others have seen it, they place no grain here.</summary>
    public async Task BeginLeavingAsync(CancellationToken cancellationToken)
    {
        var others = View.Silos.Where(s => s != Self).ToList();
        await table.SetOwnStatusAsync(Self, SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        await NotifyAsync(others, cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(IEnumerable<SiloAddress> silos, CancellationToken cancellationToken)
    {
        if (RequestRefresh is { } refresh)
        {
            await Task.WhenAll(silos.Select(s => refresh(s, cancellationToken))).ConfigureAwait(false);
        }
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (_heartbeats is not null)
        {
            await _heartbeats.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await table.SetOwnStatusAsync(Self, SiloStatus.Left, cancellationToken).ConfigureAwait(false);
        RuntimeLog.SiloLeft(logger, Self.Id);
    }

    /// <summary>Completes once the view's stamp is no longer <paramref name="stamp"/> (at once if it already differs).</summary>
    public async Task WaitForViewChangeAsync(long stamp, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _nextView).Task;
        if (View.Stamp == stamp)
        {
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the table, declares silos with stale heartbeats dead, and updates the view.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // One refresh at a time, so a slow older read never replaces a newer view.
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        var entries = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var live = new List<SiloAddress>();
        foreach (var entry in entries.Where(e => e.IsLive))
        {
            if (entry.Address != Self && now - entry.LastHeartbeat > _options.DeathTimeout)
            {
                if (await table.TryUpdateStatusAsync(entry.Address, SiloStatus.Dead, entry.Version, cancellationToken).ConfigureAwait(false))
                {
                    RuntimeLog.SiloDeclaredDead(logger, entry.Address.Id, now - entry.LastHeartbeat);

                    // Ticks it had claimed but not delivered go to the living now, not when their leases run out.
                    if (services.GetService<IReminderTable>() is { } reminders)
                    {
                        await reminders.ReleaseLeasesOfAsync(entry.SiloName, cancellationToken).ConfigureAwait(false);
                    }
                }

                continue;
            }

            // A silo that is stopping still owns its activations until it leaves, but takes no new ones.
            if (entry.Status == SiloStatus.Active)
            {
                live.Add(entry.Address);
            }
        }

        var view = new MembershipView(live);
        if (view.Stamp != View.Stamp)
        {
            View = view;
            ViewChanged?.Invoke(view);
            Interlocked.Exchange(ref _nextView, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (_fenced)
        {
            return;
        }

        var started = time.GetTimestamp();
        if (!await table.HeartbeatAsync(Self, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Fence();
            return;
        }

        RenewLease(started);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private void RenewLease(long heartbeatStarted)
    {
        var lease = _options.DeathTimeout - _options.HeartbeatInterval;
        Volatile.Write(ref _leaseUntil, heartbeatStarted + (long)(lease.TotalSeconds * time.TimestampFrequency));
    }

    /// <summary>Declared dead by the others: its grains may already run elsewhere, so it serves nothing more and stops.</summary>
    private void Fence()
    {
        _fenced = true;
        RuntimeLog.SiloFenced(logger, Self.Id);
        lifetime.StopApplication();
    }

    public void Dispose() => _refreshing.Dispose();
}
