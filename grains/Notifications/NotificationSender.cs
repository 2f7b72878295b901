using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Notifications;

/// <summary>
/// Sends what waits in the outbox: claims a batch, sends each, records it sent. A notification whose
/// send fails, or whose silo dies mid-send, is claimed again later: sent at least once, and the
/// transports make a repeat harmless.
/// </summary>
public sealed class NotificationSender(
    INotificationOutbox outbox,
    IMailTransport transport,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<NotificationSender> logger) : IHostedService
{
    private readonly string _senderId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private PeriodicWork? _sending;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sending = PeriodicWork.Start(options.Value.PollInterval, time, runAtOnce: true, SendWaitingAsync, e => WorkflowLog.OutboxPollFailed(logger, e));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _sending?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Sends every notification waiting now; returns how many went out.</summary>
    public async Task<int> SendWaitingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var batch = await outbox.ClaimAsync(_senderId, now, now + TimeSpan.FromMinutes(5), 50, cancellationToken);
            foreach (var notification in batch)
            {
                try
                {
                    await transport.SendAsync(notification, cancellationToken);
                    await outbox.MarkSentAsync(notification.Key, time.GetUtcNow(), cancellationToken);
                    sent++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    WorkflowLog.NotificationNotSent(logger, exception, notification.Key);
                    await outbox.ReleaseAsync(notification.Key, time.GetUtcNow() + options.Value.RetryDelay, cancellationToken);
                }
            }

            if (batch.Count == 0)
            {
                return sent;
            }
        }
    }
}
