namespace BudgetActors.Runtime.Tests;

/// <summary>An exception with a code that must survive the trip between silos.</summary>
public sealed class CodedException : Exception, IRemoteException<CodedException>
{
    public CodedException()
    {
    }

    public CodedException(string message)
        : base(message)
    {
    }

    public CodedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CodedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string? Code { get; }

    string? IRemoteException<CodedException>.RemoteDetail => Code;

    public static CodedException FromRemote(string message, string? detail) => new(detail ?? "", message);
}
