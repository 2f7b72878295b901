namespace BudgetActors.GrainInterfaces;

/// <summary>A refusal by the budget workflow, with a code programs can act on and a message people can.</summary>
/// <remarks>It crosses silos and reaches clients with its code (see <see cref="IRemoteException{TSelf}"/>).</remarks>
public sealed class WorkflowException : Exception, IRemoteException<WorkflowException>
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

    string? IRemoteException<WorkflowException>.RemoteDetail => Code.ToString();

    public static WorkflowException FromRemote(string message, string? detail) =>
        new(Enum.TryParse<WorkflowErrorCode>(detail, out var code) ? code : WorkflowErrorCode.InvalidInput, message);
}
