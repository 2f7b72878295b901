namespace BudgetActors.Runtime;

/// <summary>A membership table in memory, shared by silos of one process (tests, the embedded default).</summary>
public sealed class MemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipEntry> _entries = [];

    public Task JoinAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries[entry.Address] = entry with { Status = SiloStatus.Active, Version = 1 };
        }

        return Task.CompletedTask;
    }

    public Task<bool> HeartbeatAsync(SiloAddress silo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(silo, out var entry) || !entry.IsLive)
            {
                return Task.FromResult(false);
            }

            _entries[silo] = entry with { LastHeartbeat = now, Version = entry.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<MembershipEntry>>([.. _entries.Values]);
        }
    }

    public Task<bool> TryUpdateStatusAsync(SiloAddress silo, SiloStatus status, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(silo, out var entry) || entry.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _entries[silo] = entry with { Status = status, Version = entry.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task SetOwnStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(silo, out var entry) && entry.Status != SiloStatus.Dead)
            {
                _entries[silo] = entry with { Status = status, Version = entry.Version + 1 };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="silo"/> may still hold activations (the grain directory asks).</summary>
    internal bool IsLive(string silo)
    {
        lock (_lock)
        {
            return _entries.Values.Any(e => e.Address.Id == silo && e.IsLive);
        }
    }
}
