namespace BudgetActors.Runtime;

/// <summary>A grain call failed on another silo with an exception this process cannot rebuild; it keeps the type name and message.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException()
    {
    }

    public RemoteGrainException(string message)
        : base(message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteGrainException(string remoteType, string message)
        : base(message)
    {
        RemoteType = remoteType;
    }

    /// <summary>The full name of the exception type thrown on the other side.</summary>
    public string? RemoteType { get; }
}
