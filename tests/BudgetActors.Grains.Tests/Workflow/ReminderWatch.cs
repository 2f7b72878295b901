using System.Collections.Concurrent;
using Orleans.Reminders.Diagnostics;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// Follows the reminders of one test cluster's silos through Orleans' reminder events, so a test moves the fake
/// clock only while every reminder waits on it. A reminder re-arms its wait only after its previous tick was
/// delivered; a clock moved before that would find no wait to fire, and the tick due "now" would wait for the
/// next move.
/// </summary>
internal sealed class ReminderWatch : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _silos = new();
    private readonly ConcurrentDictionary<object, (GrainId Grain, string Name, bool Waiting)> _local = new();
    private readonly ConcurrentDictionary<GrainId, int> _ticks = new();
    private readonly IDisposable _subscription;

    public ReminderWatch() => _subscription = ReminderEvents.AllEvents.Subscribe(this);

    /// <summary>Counts the reminders a silo of this cluster holds from now on.</summary>
    public void Watch(SiloAddress silo) => _silos[silo] = true;

    /// <summary>Whether every reminder these silos hold waits on the clock (none starting, none delivering a tick).</summary>
    public bool AllWaiting => _local.Values.All(r => r.Waiting);

    /// <summary>Whether <paramref name="grain"/> holds a reminder that waits on the clock.</summary>
    public bool IsWaiting(GrainId grain) => _local.Values.Any(r => r.Grain == grain && r.Waiting);

    /// <summary>How many ticks of its reminders <paramref name="grain"/> has had (delivered, or failed in the grain).</summary>
    public int TicksOf(GrainId grain) => _ticks.GetValueOrDefault(grain);

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value.SiloAddress is not { } silo || !_silos.ContainsKey(silo))
        {
            return;
        }

        switch (value)
        {
            case ReminderEvents.LocalReminderStarted started:
                _local[started.Identity] = (value.GrainId, value.ReminderName, false);
                break;
            case ReminderEvents.LocalReminderTickWaitArmed armed:
                _local[armed.Identity] = (value.GrainId, value.ReminderName, true);
                break;
            case ReminderEvents.LocalReminderScheduleChanged changed:
                _local[changed.Identity] = (value.GrainId, value.ReminderName, false);
                break;
            case ReminderEvents.TickFiring:
                foreach (var (identity, reminder) in _local.Where(r => r.Value.Grain == value.GrainId && r.Value.Name == value.ReminderName))
                {
                    _local[identity] = reminder with { Waiting = false };
                }

                break;
            case ReminderEvents.TickCompleted or ReminderEvents.TickFailed:
                _ticks.AddOrUpdate(value.GrainId, 1, (_, ticks) => ticks + 1);
                break;
            case ReminderEvents.LocalReminderStopped stopped:
                _local.TryRemove(stopped.Identity, out _);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}
