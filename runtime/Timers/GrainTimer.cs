namespace BudgetActors.Runtime;

/// <summary>
/// A grain timer: a <see cref="TimeProvider"/> timer that, when due, queues a tick as a turn of its
/// activation. It is re-armed only after the tick completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer<TState> : IGrainTimer
{
    private readonly GrainActivation _activation;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;

    public GrainTimer(GrainActivation activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DueTime, TimeSpan.Zero, nameof(options));
        if (options.Period <= TimeSpan.Zero && options.Period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "A timer period must be positive or Timeout.InfiniteTimeSpan.");
        }

        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer<TState>)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Start() => _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _dueTime = dueTime;
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested && !_activation.EnqueueLocal(new TimerTick(this)))
        {
            Dispose();
        }
    }

    private async Task<VoidResult> TickAsync()
    {
        try
        {
            await _callback(_state, _disposed.Token);
        }
        catch (Exception exception) when (!_disposed.IsCancellationRequested)
        {
            RuntimeLog.TimerTickFailed(_activation.Runtime.Logger, exception, _activation.Id);
        }
        catch (OperationCanceledException)
        {
            // The timer was disposed during the tick.
        }
        finally
        {
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }

        return default;
    }

    /// <summary>One tick, scheduled through the activation's mailbox like a call.</summary>
    private sealed class TimerTick(GrainTimer<TState> timer) : GrainCall<VoidResult>
    {
        private static readonly GrainMethod s_turn = new("[timer]", isReadOnly: false, alwaysInterleave: false);
        private static readonly GrainMethod s_interleaving = new("[timer]", isReadOnly: false, alwaysInterleave: true);

        public override GrainMethod Method => timer._options.Interleave ? s_interleaving : s_turn;

        internal override bool KeepsAlive => timer._options.KeepAlive;

        public override object?[] GetArguments() => [];

        public override Task<VoidResult> Invoke(object grain) => timer.TickAsync();
    }
}
