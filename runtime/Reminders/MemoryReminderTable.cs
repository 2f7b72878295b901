using System.Globalization;

namespace BudgetActors.Runtime;

/// <summary>Reminders in this process's memory, with the same claim and lease rules as the PostgreSQL table.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];
    private long _lastVersion;

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = new ReminderEntry
            {
                GrainId = grainId,
                ReminderName = reminderName,
                StartAt = startAt,
                Period = period,
                NextDue = startAt,
                LastDelivered = _rows.TryGetValue((grainId, reminderName), out var old) ? old.LastDelivered : null,
                ETag = NextVersion(),
            };
            _rows[(grainId, reminderName)] = entry;
            return Task.FromResult(entry);
        }
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove((grainId, reminderName)));
        }
    }

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(r => r.GrainId == grainId).OrderBy(r => r.ReminderName, StringComparer.Ordinal)]);
        }
    }

    public Task<ReminderPage> ReadAllAsync(string? search, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_lock)
        {
            var matching = _rows.Values
                .Where(r => string.IsNullOrEmpty(search)
                    || r.GrainId.Type.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || r.GrainId.Key.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || r.ReminderName.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.NextDue)
                .ThenBy(r => r.GrainId.Type, StringComparer.Ordinal)
                .ThenBy(r => r.GrainId.Key, StringComparer.Ordinal)
                .ThenBy(r => r.ReminderName, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(new ReminderPage([.. matching.Skip(offset).Take(limit)], matching.Count));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var due = _rows.Values
                .Where(r => r.NextDue <= now && (r.LeaseUntil is null || r.LeaseUntil < now))
                .OrderBy(r => r.NextDue)
                .Take(limit)
                .Select(r => r with { LeaseOwner = siloId, LeaseUntil = leaseUntil, ETag = NextVersion() })
                .ToList();
            foreach (var claimed in due)
            {
                _rows[(claimed.GrainId, claimed.ReminderName)] = claimed;
            }

            return Task.FromResult<IReadOnlyList<ReminderEntry>>(due);
        }
    }

    public Task<bool> CompleteTickAsync(ReminderEntry claimed, DateTimeOffset delivered, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!IsStillClaimed(claimed))
            {
                return Task.FromResult(false);
            }

            _rows[(claimed.GrainId, claimed.ReminderName)] = claimed with
            {
                NextDue = nextDue,
                LastDelivered = delivered,
                LeaseOwner = null,
                LeaseUntil = null,
                ETag = NextVersion(),
            };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(ReminderEntry claimed, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (IsStillClaimed(claimed))
            {
                _rows[(claimed.GrainId, claimed.ReminderName)] = claimed with { LeaseOwner = null, LeaseUntil = retryAt, ETag = NextVersion() };
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> ReleaseLeasesOfAsync(string siloId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var held = _rows.Where(r => r.Value.LeaseOwner == siloId).ToList();
            foreach (var (key, entry) in held)
            {
                _rows[key] = entry with { LeaseOwner = null, LeaseUntil = null, ETag = NextVersion() };
            }

            return Task.FromResult(held.Count);
        }
    }

    private bool IsStillClaimed(ReminderEntry claimed) =>
        _rows.TryGetValue((claimed.GrainId, claimed.ReminderName), out var current) && current.ETag == claimed.ETag;

    private string NextVersion() => (++_lastVersion).ToString(CultureInfo.InvariantCulture);
}
