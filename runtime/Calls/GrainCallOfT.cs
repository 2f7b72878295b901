namespace BudgetActors.Runtime;

/// <summary>A grain call whose awaited result is <typeparamref name="TResult"/>.</summary>
public abstract class GrainCall<TResult> : GrainCall
{
    private readonly TaskCompletionSource<TResult> _completion = new();
    private Task<TResult>? _running;
    private GrainActivation? _activation;

    /// <summary>The caller's task.</summary>
    internal Task<TResult> TypedCompletion => _completion.Task;

    internal override Task Completion => _completion.Task;

    internal override object? Result => _completion.Task.Result;

    internal override bool IsCompleted => _completion.Task.IsCompleted;

    /// <summary>Calls the method on the grain instance (generated: a cast and a direct call, no reflection).</summary>
    public abstract Task<TResult> Invoke(object grain);

    internal override void Start(object grain, GrainActivation activation)
    {
        Task<TResult> task;
        try
        {
            task = Invoke(grain);
        }
        catch (Exception exception)
        {
            task = Task.FromException<TResult>(exception);
        }

        if (task.IsCompleted)
        {
            Finish(task, activation);
        }
        else
        {
            _running = task;
            _activation = activation;
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnRunningCompleted);
        }
    }

    internal override bool TryFail(Exception exception) => CompleteOutsideGrain(default!, exception);

    internal override bool TrySetResult(object? result) => CompleteOutsideGrain((TResult)result!, null);

    private void OnRunningCompleted()
    {
        var task = _running!;
        var activation = _activation!;
        _running = null;
        _activation = null;
        Finish(task, activation);
    }

    private void Finish(Task<TResult> task, GrainActivation activation)
    {
        var exception = task.IsCompletedSuccessfully ? null : task.Exception?.InnerException ?? new TaskCanceledException(task);
        activation.OnCallFinished(this, exception);
        CompleteOutsideGrain(exception is null ? task.Result : default!, exception);
    }

    /// <summary>
    /// Completes the caller's task with no synchronization context on the thread: a caller outside any
    /// grain whose continuation runs inline must not pick up the callee's context.
    /// </summary>
    private bool CompleteOutsideGrain(TResult result, Exception? exception)
    {
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            return exception is null ? _completion.TrySetResult(result) : _completion.TrySetException(exception);
        }
        finally
        {
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }
}
