namespace BudgetActors.Runtime;

/// <summary>
/// A call passed its deadline without an answer. Its outcome is unknown: the grain may still complete it,
/// so retry only what is safe to repeat.
/// </summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException()
    {
    }

    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }

    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
