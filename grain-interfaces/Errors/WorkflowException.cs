namespace BudgetActors.GrainInterfaces;

/// <summary>A refusal by the budget workflow, with a code programs can act on and a message people can.</summary>
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

    public WorkflowErrorCode Code { get; }
}
