using BudgetActors.Testing;

namespace BudgetActors.Erp.Tests;

/// <summary>
/// A connector's clock for tests: every wait it asks for (Retry-After, action polling) is recorded, moves the
/// shared fake clock forward by that much at once (so the simulator sees the time pass) and completes
/// immediately. Nothing sleeps.
/// </summary>
public sealed class SteppingClock(FakeTimeProvider clock) : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_sync)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_sync)
            {
                _waits.Add(dueTime);
            }

            clock.Advance(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
