namespace BudgetActors.Runtime.Tests;

public interface IContextGrain : IGrainWithStringKey
{
    /// <summary>The request-context value <paramref name="name"/> and the caller, as this grain sees them.</summary>
    Task<string> ReadAsync(string name);

    /// <summary>Asks grain <paramref name="next"/> to read the context, after setting a value of its own.</summary>
    Task<string> ForwardAsync(string next, string name);
}
