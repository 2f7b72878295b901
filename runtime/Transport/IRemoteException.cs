namespace BudgetActors.Runtime;

/// <summary>
/// An exception that crosses silos (and reaches clients) with more than its message: the detail it
/// writes is handed to <see cref="FromRemote"/> on the other side to rebuild the same exception.
/// Exceptions without it cross with their type and message when they have a (string message) constructor.
/// </summary>
public interface IRemoteException<TSelf>
    where TSelf : Exception, IRemoteException<TSelf>
{
    /// <summary>What the message alone does not say (an error code, say).</summary>
    string? RemoteDetail { get; }

    static abstract TSelf FromRemote(string message, string? detail);
}
