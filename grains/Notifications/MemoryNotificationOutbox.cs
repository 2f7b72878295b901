namespace BudgetActors.Grains.Notifications;

/// <summary>The outbox in this process's memory (the embedded default), with the PostgreSQL outbox's rules.</summary>
public sealed class MemoryNotificationOutbox : INotificationOutbox
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    public Task AddAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var notification in notifications.Where(n => _entries.TrueForAll(e => e.Notification.Key != n.Key)))
            {
                _entries.Add(new Entry(notification));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Notification>> ClaimAsync(string senderId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _entries.Where(e => e.SentAt is null && (e.LeaseUntil is null || e.LeaseUntil < now)).Take(limit).ToList();
            claimed.ForEach(e => e.LeaseUntil = leaseUntil);
            return Task.FromResult<IReadOnlyList<Notification>>([.. claimed.Select(e => e.Notification)]);
        }
    }

    public Task MarkSentAsync(string key, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.Find(e => e.Notification.Key == key)?.SentAt = sentAt;
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.Find(e => e.Notification.Key == key)?.LeaseUntil = retryAt;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(Notification Notification, DateTimeOffset? SentAt)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<(Notification, DateTimeOffset?)>>([.. _entries.Select(e => (e.Notification, e.SentAt))]);
        }
    }

    private sealed class Entry(Notification notification)
    {
        public Notification Notification { get; } = notification;

        public DateTimeOffset? LeaseUntil { get; set; }

        public DateTimeOffset? SentAt { get; set; }
    }
}
