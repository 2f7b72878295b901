namespace BudgetActors.Runtime.Tests;

public interface IReentrantTurnGrain : IGrainWithStringKey
{
    /// <summary>Logs "enter", waits for the signal, logs "exit".</summary>
    Task HoldAsync(string signal);

    Task<int> OverlapsAsync();
}
