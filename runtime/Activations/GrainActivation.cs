namespace BudgetActors.Runtime;

/// <summary>
/// One live instance of a grain and its mailbox. It is also the grain's synchronization context: every
/// continuation of grain code is posted back here and run by a single work loop, so the grain's code
/// never runs on two threads at once, even when calls interleave.
/// </summary>
/// <remarks>
/// Calls wait in <c>_waiting</c> until the scheduling rules admit them (one at a time, unless the class is
/// reentrant or the method is read-only or always-interleave); admitted calls and posted continuations go
/// to <c>_ready</c>, which the work loop drains on the thread pool. One lock guards both queues.
/// </remarks>
internal sealed partial class GrainActivation : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxItemsPerSlice = 64;

    [ThreadStatic]
    private static GrainActivation? t_constructing;

    private static readonly SendOrPostCallback s_activate = static state => _ = ((GrainActivation)state!).ActivateAsync();
    private static readonly SendOrPostCallback s_deactivate = static state => _ = ((GrainActivation)state!).DeactivateAsync();

    private readonly Lock _lock = new();
    private readonly GrainClassInfo _class;
    private Queue<GrainCall>? _waiting;
    private Queue<ActivationWorkItem>? _ready;
    private List<GrainCall>? _running;
    private int _runningWriters;
    private bool _scheduled;
    private ActivationStatus _status;
    private object? _grain;
    private DeactivationReason? _deactivation;
    private TaskCompletionSource? _deactivated;
    private List<IGrainTimer>? _timers;
    private List<IActivationState>? _states;
    private long _lastActive;
    private Guid _directoryEntry;

    public GrainActivation(GrainId id, GrainClassInfo grainClass, GrainRuntime runtime)
    {
        Id = id;
        _class = grainClass;
        Runtime = runtime;
        _lastActive = runtime.TimeProvider.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by <see cref="Grain"/>'s constructor).</summary>
    internal static GrainActivation? Constructing => t_constructing;

    public GrainId Id { get; }

    public GrainRuntime Runtime { get; }

    public Type GrainClass => _class.GrainClass;

    /// <summary>Whether a call given to this activation now will be handled here rather than re-routed.</summary>
    public bool IsUsable => _status is ActivationStatus.Valid or ActivationStatus.Activating;

    public override SynchronizationContext CreateCopy() => this;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            EnqueueReady(new ActivationWorkItem(d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain code cannot block on another turn of its own grain; await instead.");

    /// <summary>
    /// Accepts a call: runs it when the scheduling rules allow, queues it otherwise. A call from outside any
    /// grain that finds the activation idle starts on the caller's thread, sparing a thread hop.
    /// </summary>
    public void Enqueue(GrainCall call, bool mayRunInline = false)
    {
        var outcome = Outcome.Accepted;
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                outcome = Outcome.Gone;
            }
            else if (_status == ActivationStatus.Valid && CanStartNow(call))
            {
                if (mayRunInline && !_scheduled)
                {
                    // Claim the work loop for this thread; other threads only queue until RunSlice returns.
                    _scheduled = true;
                    outcome = Outcome.RunInline;
                }

                Admit(call);
            }
            else if (call.Parent?.ChainContains(Id) == true)
            {
                outcome = Outcome.Deadlock;
            }
            else
            {
                (_waiting ??= new Queue<GrainCall>()).Enqueue(call);
            }
        }

        if (outcome == Outcome.RunInline)
        {
            RunSlice();
        }
        else if (outcome == Outcome.Gone)
        {
            Runtime.Redispatch(call);
        }
        else if (outcome == Outcome.Deadlock)
        {
            var chain = call.Parent!.Chain().Append(Id).ToList();
            call.TryFail(new DeadlockException(chain, call.Method.FullName));
        }
    }

    /// <summary>Reports that a call's method has finished (successfully or not) and admits whatever may run next.</summary>
    public void OnCallFinished(GrainCall call, Exception? exception)
    {
        var now = Runtime.TimeProvider.GetTimestamp();
        lock (_lock)
        {
            _running!.Remove(call);
            if (!call.Method.IsReadOnly)
            {
                _runningWriters--;
            }

            if (call.KeepsAlive)
            {
                _lastActive = now;
            }

            if (exception is InconsistentStateException)
            {
                _deactivation ??= new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message);
            }

            if (_running.Count == 0 && _deactivation is not null && _status == ActivationStatus.Valid)
            {
                BeginDeactivation();
            }
            else
            {
                AdmitWaiting();
            }
        }

        Runtime.Statistics.Record(call.Method, now - call.MadeAt, exception is not null);
    }

    void IThreadPoolWorkItem.Execute() => RunSlice();

    /// <summary>Runs queued work until none is left or the slice is used up; the caller holds the work loop.</summary>
    private void RunSlice()
    {
        var previous = Current;
        var previousFrame = RequestContext.Current;
        SetSynchronizationContext(this);
        try
        {
            for (var slice = 0; slice < MaxItemsPerSlice; slice++)
            {
                ActivationWorkItem item;
                lock (_lock)
                {
                    if (_ready is null || !_ready.TryDequeue(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                Run(item);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
            RequestContext.Current = previousFrame;
        }

        // Other activations get their turn before this one continues.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void Run(in ActivationWorkItem item)
    {
        try
        {
            if (item.Call is { } call)
            {
                RequestContext.Current = call;
                call.Start(_grain!, this);
            }
            else
            {
                item.Callback!(item.State);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.TurnFailed(Runtime.Logger, exception, Id);
        }
        finally
        {
            RequestContext.Current = null;
        }
    }

    private bool CanStartNow(GrainCall call)
    {
        if (_deactivation is not null)
        {
            return false;
        }

        if ((_running?.Count ?? 0) == 0)
        {
            return (_waiting?.Count ?? 0) == 0;
        }

        return MayInterleave(call) && ((_waiting?.Count ?? 0) == 0 || _class.IsReentrant || call.Method.AlwaysInterleave);
    }

    private bool MayInterleave(GrainCall call) =>
        _class.IsReentrant || call.Method.AlwaysInterleave || (call.Method.IsReadOnly && _runningWriters == 0);

    private void AdmitWaiting()
    {
        while (_status == ActivationStatus.Valid && _deactivation is null && _waiting is { Count: > 0 })
        {
            var next = _waiting.Peek();
            if (next.IsCompleted)
            {
                // Its caller has stopped waiting (deadline passed): the outcome is reported unknown, so it never runs.
                _waiting.Dequeue();
                continue;
            }

            if ((_running?.Count ?? 0) > 0 && !MayInterleave(next))
            {
                return;
            }

            Admit(_waiting.Dequeue());
        }
    }

    private void Admit(GrainCall call)
    {
        (_running ??= new List<GrainCall>(2)).Add(call);
        if (!call.Method.IsReadOnly)
        {
            _runningWriters++;
        }

        EnqueueReady(new ActivationWorkItem(call));
    }

    private void EnqueueReady(ActivationWorkItem item)
    {
        (_ready ??= new Queue<ActivationWorkItem>()).Enqueue(item);
        if (!_scheduled)
        {
            _scheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    private enum Outcome
    {
        Accepted,
        RunInline,
        Gone,
        Deadlock,
    }
}
