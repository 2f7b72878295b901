namespace BudgetActors.Runtime;

/// <summary>
/// One call to a grain method with its arguments: what a proxy hands the runtime, what an activation
/// queues, and (being a <see cref="RequestFrame"/>) a link of the call chain. Generated code derives one
/// sealed class per grain interface method.
/// </summary>
public abstract class GrainCall : RequestFrame
{
    public abstract GrainMethod Method { get; }

    /// <summary>The arguments, in declaration order (for the network and for error messages).</summary>
    public abstract object?[] GetArguments();

    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider"/> timestamp.</summary>
    internal long Deadline { get; set; }

    /// <summary>When the call was made, as a <see cref="TimeProvider"/> timestamp (for latency statistics).</summary>
    internal long MadeAt { get; set; }

    /// <summary>Whether the call counts as activity that keeps an idle grain from being collected.</summary>
    internal virtual bool KeepsAlive => true;

    internal abstract bool IsCompleted { get; }

    /// <summary>How many silos have passed this call on because they did not own its grain.</summary>
    internal int Hops { get; set; }

    /// <summary>The caller's task, untyped (the silo endpoint awaits it to answer a call from the network).</summary>
    internal abstract Task Completion { get; }

    /// <summary>The result of a call that completed successfully, untyped.</summary>
    internal abstract object? Result { get; }

    /// <summary>Runs the method on the grain; reports to <paramref name="activation"/> when it has finished.</summary>
    internal abstract void Start(object grain, GrainActivation activation);

    /// <summary>Completes the caller's task with an error without running (or waiting for) the method.</summary>
    internal abstract bool TryFail(Exception exception);

    /// <summary>Completes the caller's task with a result that arrived from elsewhere (another silo).</summary>
    internal abstract bool TrySetResult(object? result);

    public override string ToString() => $"{Method.FullName} on {Grain}";
}
