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
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stop = new CancellationTokenSource();
        var timer = new PeriodicTimer(options.Value.PollInterval, time);
        _loop = Task.Run(() => LoopAsync(timer, _stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null || _loop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

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

    private async Task LoopAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using (timer)
        {
            do
            {
                try
                {
                    await SendWaitingAsync(cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    WorkflowLog.OutboxPollFailed(logger, exception);
                }
            }
            while (await NextPollAsync(timer, cancellationToken));
        }
    }

    private static async Task<bool> NextPollAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
