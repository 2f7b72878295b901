namespace BudgetActors.Grains.Notifications;

/// <summary>
/// Where notifications wait until they are sent. Adding is idempotent by key; a claimed notification is
/// leased to one sender, and one whose sender died is claimed again (sent at least once).
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Adds the notifications whose keys are new; the others are already on their way.</summary>
    Task AddAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    Task<IReadOnlyList<Notification>> ClaimAsync(string senderId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    Task MarkSentAsync(string key, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Gives a claimed notification back, to be tried again no earlier than <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(string key, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Every notification with its sent time (null while unsent), oldest first, for operators and tests.</summary>
    Task<IReadOnlyList<(Notification Notification, DateTimeOffset? SentAt)>> ReadAllAsync(CancellationToken cancellationToken);
}
