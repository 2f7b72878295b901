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
    private PeriodicWork? _polling;

    public void Start() =>
        _polling = PeriodicWork.Start(_options.PollInterval, timeProvider, runAtOnce: true, PollOnceAsync, e => RuntimeLog.ReminderPollFailed(logger, e));

    public Task StopAsync(CancellationToken cancellationToken) => _polling?.StopAsync(cancellationToken) ?? Task.CompletedTask;

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
