using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains.Tests;

public sealed class MemoryNotificationOutboxTests : NotificationOutboxContract
{
    protected override Task<INotificationOutbox> CreateAsync() => Task.FromResult<INotificationOutbox>(new MemoryNotificationOutbox());
}
