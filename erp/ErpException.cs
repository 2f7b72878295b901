namespace BudgetActors.Erp;

/// <summary>An ERP refused or could not answer a call.</summary>
public sealed class ErpException : Exception
{
    public ErpException()
        : this(new ErpError("A", "The ERP call failed.", null), isTransient: false)
    {
    }

    public ErpException(string message)
        : this(new ErpError("A", message, null), isTransient: false)
    {
    }

    public ErpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ErpError("A", message, null);
    }

    /// <param name="isTransient">True for faults that may go away (network, timeouts, rate limits); false for refusals the ERP will repeat.</param>
    public ErpException(ErpError error, bool isTransient, Exception? innerException = null)
        : base(error.ToString(), innerException)
    {
        Error = error;
        IsTransient = isTransient;
    }

    public ErpError Error { get; }

    public bool IsTransient { get; }
}
