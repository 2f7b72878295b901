namespace BudgetActors.Runtime;

/// <summary>A grain directory in memory for silos sharing one process (tests), judged by a shared membership table.</summary>
public sealed class MemoryGrainDirectory(MemoryMembershipTable membership) : IGrainDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, (string Silo, Guid Activation)> _entries = [];

    public Task<string> RegisterAsync(GrainId grain, string silo, Guid activation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(grain, out var holder) && holder.Silo != silo && membership.IsLive(holder.Silo))
            {
                return Task.FromResult(holder.Silo);
            }

            _entries[grain] = (silo, activation);
            return Task.FromResult(silo);
        }
    }

    public Task UnregisterAsync(GrainId grain, Guid activation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(grain, out var holder) && holder.Activation == activation)
            {
                _entries.Remove(grain);
            }
        }

        return Task.CompletedTask;
    }

    public Task UnregisterSiloAsync(string silo, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var grain in _entries.Where(e => e.Value.Silo == silo).Select(e => e.Key).ToList())
            {
                _entries.Remove(grain);
            }
        }

        return Task.CompletedTask;
    }
}
