namespace BudgetActors.Runtime;

/// <summary>One thing for an activation's work loop: a call to start, or a posted continuation of grain code.</summary>
internal readonly struct ActivationWorkItem
{
    public ActivationWorkItem(GrainCall call) => Call = call;

    public ActivationWorkItem(SendOrPostCallback callback, object? state)
    {
        Callback = callback;
        State = state;
    }

    public GrainCall? Call { get; }

    public SendOrPostCallback? Callback { get; }

    public object? State { get; }
}
