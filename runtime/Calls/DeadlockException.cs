namespace BudgetActors.Runtime;

/// <summary>
/// A call would wait for a grain that is itself waiting, up the call chain, for this call: reported at
/// once instead of after the call's deadline.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeadlockException(IReadOnlyList<GrainId> callChain, string method)
        : base($"Deadlock: {string.Join(" -> ", callChain)} ({method}); {callChain[^1]} is not reentrant and is already waiting up this call chain.")
    {
        CallChain = callChain;
    }

    /// <summary>The grains the call passed through, ending with the one it could not enter again.</summary>
    public IReadOnlyList<GrainId> CallChain { get; } = [];
}
