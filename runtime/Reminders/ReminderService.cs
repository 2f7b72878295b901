using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Runtime;

/// <summary>
/// Delivers due reminder ticks. Every silo polls the same table; a claimed row is leased to one silo, so a
/// tick goes to one grain call at a time, and a lease left by a dead silo simply runs out and the tick is
/// claimed again (at least once). After an outage only the latest missed tick is delivered: the next due
/// time jumps to the first one after now.
/// </summary>
internal sealed class ReminderService(
    GrainRuntime runtime,
    IReminderTable table,
    TimeProvider timeProvider,
    IOptions<ReminderOptions> options,
    IOptions<SiloOptions> silo,
    ILogger<ReminderService> logger)
{
    private readonly ReminderOptions _options = options.Value;
    private readonly string _siloId = silo.Value.SiloName;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public void Start()
    {
        _stop = new CancellationTokenSource();

        // Created here, not in the loop: a period that passes before the loop first waits still counts.
        var timer = new PeriodicTimer(_options.PollInterval, timeProvider);
        _loop = Task.Run(() => PollLoopAsync(timer, _stop.Token));
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

    /// <summary>Claims and delivers the reminders due now; returns how many ticks were delivered.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var due = await table.ClaimDueAsync(_siloId, now, now + _options.LeaseDuration, _options.ClaimBatchSize, cancellationToken);
            var outcomes = await Task.WhenAll(due.Select(entry => DeliverAsync(entry, now, cancellationToken)));
            delivered += outcomes.Count(ok => ok);
            if (due.Count < _options.ClaimBatchSize)
            {
                return delivered;
            }
        }
    }

    private async Task PollLoopAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using (timer)
        {
            do
            {
                try
                {
                    await PollOnceAsync(cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    RuntimeLog.ReminderPollFailed(logger, exception);
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

    // claimedAt: when the tick was claimed. The delivered tick stands for every tick due by then, so the
    // next one is the first after it, however long delivery took.
    private async Task<bool> DeliverAsync(ReminderEntry entry, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        try
        {
            // A tick is its own request: it carries no caller's context.
            RequestContext.Current = null;
            var grain = runtime.GetGrain<IRemindable>(entry.GrainId);
            await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, entry.NextDue));
        }
        catch (Exception exception)
        {
            RuntimeLog.ReminderDeliveryFailed(logger, exception, entry.ReminderName, entry.GrainId);
            await table.ReleaseAsync(entry, timeProvider.GetUtcNow() + _options.RetryDelay, cancellationToken);
            return false;
        }

        await table.CompleteTickAsync(entry, timeProvider.GetUtcNow(), entry.NextDueAfter(claimedAt), cancellationToken);
        return true;
    }
}
