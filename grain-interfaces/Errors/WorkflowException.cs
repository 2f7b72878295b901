namespace BudgetActors.GrainInterfaces;

/// <summary>A refusal by the budget workflow, with a code programs can act on and a message people can.</summary>
/// <remarks>
/// Orleans serializes it with its <see cref="Code"/>, so it reaches another silo and a client app as the
/// same type with the same code.
/// </remarks>
[GenerateSerializer, Alias("workflow-exception")]
public sealed class WorkflowException : Exception
{
    public WorkflowException()
        : this(WorkflowErrorCode.InvalidInput, "The request was refused.")
    {
    }

    public WorkflowException(string message)
        : this(WorkflowErrorCode.InvalidInput, message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkflowException(WorkflowErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    [Id(0)]
    public WorkflowErrorCode Code { get; private set; }
}
