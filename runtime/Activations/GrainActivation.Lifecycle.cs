namespace BudgetActors.Runtime;

/// <summary>The activation's life: activating, going away (asked, idle, shutting down, stale state), timers, overdue calls.</summary>
internal sealed partial class GrainActivation
{
    /// <summary>Starts activating; called once by the runtime after this activation won its directory entry.</summary>
    public void Activate()
    {
        lock (_lock)
        {
            _status = ActivationStatus.Activating;
            EnqueueReady(new ActivationWorkItem(s_activate, this));
        }
    }

    /// <summary>Asks the activation to go away once no call is running; later calls go to a fresh activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_status is ActivationStatus.Valid or ActivationStatus.Activating)
            {
                _deactivation ??= reason;
                if (_status == ActivationStatus.Valid && (_running?.Count ?? 0) == 0)
                {
                    BeginDeactivation();
                }
            }
        }
    }

    /// <summary>Deactivates (after in-flight calls complete) and completes when the activation is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return Task.CompletedTask;
            }

            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        RequestDeactivation(reason);
        return _deactivated.Task;
    }

    /// <summary>Whether nothing has run here since <paramref name="threshold"/> and nothing waits.</summary>
    public bool IsIdleSince(long threshold)
    {
        lock (_lock)
        {
            return _status == ActivationStatus.Valid && (_running?.Count ?? 0) == 0 && (_waiting?.Count ?? 0) == 0
                && _lastActive <= threshold && _deactivation is null;
        }
    }

    /// <summary>Collects the calls here, running or waiting, whose callers' deadlines have passed.</summary>
    public void CollectExpiredCalls(long now, List<GrainCall> expired)
    {
        lock (_lock)
        {
            if (_running is not null)
            {
                foreach (var call in _running)
                {
                    if (call.Deadline <= now && !call.IsCompleted)
                    {
                        expired.Add(call);
                    }
                }
            }

            if (_waiting is not null)
            {
                foreach (var call in _waiting)
                {
                    if (call.Deadline <= now && !call.IsCompleted)
                    {
                        expired.Add(call);
                    }
                }
            }
        }
    }

    public IGrainTimer RegisterTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer<TState>(this, callback, state, options);
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(IGrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Queues a timer tick as a turn of this activation; dropped if the activation is going away.</summary>
    public bool EnqueueLocal(GrainCall call)
    {
        lock (_lock)
        {
            if (_status is ActivationStatus.Invalid or ActivationStatus.Deactivating || _deactivation is not null)
            {
                return false;
            }
        }

        call.Grain = Id;
        call.CorrelationId = RequestContext.NewCorrelationId();
        call.Deadline = long.MaxValue;
        call.MadeAt = Runtime.TimeProvider.GetTimestamp();
        Enqueue(call);
        return true;
    }

    /// <summary>Registers a persistent state of the grain being constructed, to be read before activation.</summary>
    public void AddState(IActivationState state) => (_states ??= []).Add(state);

    private void BeginDeactivation()
    {
        _status = ActivationStatus.Deactivating;
        EnqueueReady(new ActivationWorkItem(s_deactivate, this));
    }

    private async Task ActivateAsync()
    {
        RequestContext.Current = new RequestFrame { Grain = Id, CorrelationId = RequestContext.NewCorrelationId() };
        try
        {
            if (Runtime.Directory is { } directory && await ClaimAsync(directory) is { } holder)
            {
                // Another live silo runs this grain (its view put the grain there): the calls go to it.
                var (waiting, gone) = Invalidate();
                foreach (var call in waiting)
                {
                    Runtime.Forward(call, holder);
                }

                gone?.TrySetResult();
                return;
            }

            t_constructing = this;
            try
            {
                _grain = _class.Create(Runtime.Services);
            }
            finally
            {
                t_constructing = null;
            }

            foreach (var state in _states ?? [])
            {
                await state.ReadAsync(Runtime.Stopping);
            }

            await ((Grain)_grain).OnActivateAsync(Runtime.Stopping);
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(Runtime.Logger, exception, Id);
            DisposeTimers();
            var (failed, deactivated) = Invalidate();

            // The grain never became usable: its callers get the activation error, nothing half-made remains.
            foreach (var call in failed)
            {
                call.TryFail(exception);
            }

            deactivated?.TrySetResult();
            return;
        }

        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            if (_deactivation is not null && (_running?.Count ?? 0) == 0)
            {
                BeginDeactivation();
            }
            else
            {
                AdmitWaiting();
            }
        }
    }

    private async Task DeactivateAsync()
    {
        RequestContext.Current = new RequestFrame { Grain = Id, CorrelationId = RequestContext.NewCorrelationId() };
        var reason = _deactivation ?? new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "");
        DisposeTimers();
        try
        {
            await ((Grain)_grain!).OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, exception, Id);
        }

        // Nothing runs here any more: from now on another silo may activate the grain.
        if (Runtime.Directory is { } directory)
        {
            try
            {
                await directory.UnregisterAsync(Id, _directoryEntry, CancellationToken.None);
            }
            catch (Exception exception)
            {
                RuntimeLog.DirectoryUnregisterFailed(Runtime.Logger, exception, Id);
            }
        }

        var (waiting, deactivated) = Invalidate();
        foreach (var call in waiting)
        {
            if (!call.IsCompleted)
            {
                Runtime.Redispatch(call);
            }
        }

        RuntimeLog.Deactivated(Runtime.Logger, Id, reason.ToString());
        deactivated?.TrySetResult();
    }

    /// <summary>
    /// Leaves the directory (first, so calls arriving from now on start a fresh activation), then marks this
    /// activation gone and hands back the calls that were waiting for it.
    /// </summary>
    private (IReadOnlyCollection<GrainCall> Waiting, TaskCompletionSource? Deactivated) Invalidate()
    {
        Runtime.RemoveActivation(this);
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            var waiting = (IReadOnlyCollection<GrainCall>?)_waiting ?? [];
            _waiting = null;
            return (waiting, _deactivated);
        }
    }

    /// <summary>Claims the grain in the cluster's directory; returns the silo that holds it when that is another one.</summary>
    private async Task<SiloAddress?> ClaimAsync(IGrainDirectory directory)
    {
        _directoryEntry = Guid.NewGuid();
        var self = Runtime.Self!;
        var holder = await directory.RegisterAsync(Id, self.Id, _directoryEntry, Runtime.Stopping);
        return holder == self.Id ? null : SiloAddress.Parse(holder);
    }

    private void DisposeTimers()
    {
        IGrainTimer[] timers;
        lock (_lock)
        {
            timers = _timers?.ToArray() ?? [];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
