namespace BudgetActors.Grains.Notifications;

/// <summary>
/// A round of background work run on every tick of a <see cref="TimeProvider"/> timer until stopped
/// (reminder polling, heartbeats, the outbox sender): a failing round is reported and the next tick tries
/// again, so one bad round never ends the loop; a fake clock drives it in tests.
/// </summary>
internal sealed class PeriodicWork
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PeriodicWork(TimeSpan interval, TimeProvider time, bool runAtOnce, Func<CancellationToken, Task> round, Action<Exception> failed)
    {
        // Created here, not in the loop: a period that passes before the loop first waits still counts.
        var timer = new PeriodicTimer(interval, time);
        _loop = Task.Run(() => LoopAsync(timer, runAtOnce, round, failed, _stop.Token), CancellationToken.None);
    }

    /// <param name="runAtOnce">Whether the first round runs now rather than after one interval.</param>
    public static PeriodicWork Start(TimeSpan interval, TimeProvider time, bool runAtOnce, Func<CancellationToken, Task> round, Action<Exception> failed) =>
        new(interval, time, runAtOnce, round, failed);

    /// <summary>Stops the loop (the round in progress sees its token cancelled) and waits for it, within <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task LoopAsync(PeriodicTimer timer, bool runAtOnce, Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken cancellationToken)
    {
        using (timer)
        {
            if (!runAtOnce && !await NextTickAsync(timer, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            do
            {
                try
                {
                    await round(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failed(exception);
                }
            }
            while (await NextTickAsync(timer, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
