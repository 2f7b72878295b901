namespace BudgetActors.Testing;

/// <summary>
/// A clock that moves only when a test moves it. Timers fire during <see cref="Advance"/> or
/// <see cref="SetUtcNow"/>, on the calling thread, in due order, with the clock set to each one's due time
/// while it runs; a timer due "now" fires at the next advance (even of zero), never inside
/// <c>CreateTimer</c> or <c>Change</c>.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly DateTimeOffset _start = start;
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The time zone <see cref="TimeProvider.LocalTimeZone"/> reports (UTC unless set).</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => TimeZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// How many armed timers come due at or before <paramref name="at"/>: code under test that waits on this
    /// clock (a delay, a deadline) has armed its timer once this counts it, so an Advance will reach it.
    /// </summary>
    public int TimersDueBy(DateTimeOffset at)
    {
        lock (_lock)
        {
            return _timers.Count(t => t.Due <= at);
        }
    }

    /// <summary>Moves the clock forward, firing every timer that comes due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>
    /// Moves the clock forward at once, as if the process had been suspended: every timer due by then
    /// fires once, at the new time (a periodic one is re-armed from there), none at the times in between.
    /// </summary>
    public void Jump(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        List<FakeTimer> due;
        lock (_lock)
        {
            _now += delta;
            due = [.. _timers.Where(t => t.Due <= _now).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan ? _now + timer.Period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public void SetUtcNow(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(target, _now);
                next = _timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? _now + next.Period : null;
            }

            next.Fire();
        }
    }

    private sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                Period = period;
                return clock._timers.Contains(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._lock)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
