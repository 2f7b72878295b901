namespace BudgetActors.Runtime.Tests;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Logs "enter n", yields to other work, logs "exit n".</summary>
    Task RecordAsync(int caller);

    /// <summary>Logs "wait", waits for the signal, logs "done".</summary>
    Task WaitForSignalAsync(string signal);

    /// <summary>Logs "ro-enter", waits for the signal, logs "ro-exit".</summary>
    [ReadOnly]
    Task ReadWhileWaitingAsync(string signal);

    [AlwaysInterleave]
    Task<string> PingAsync();

    Task<string> ThrowAsync(string message);

    /// <summary>How many times two threads were inside the grain's code at once.</summary>
    [ReadOnly]
    Task<int> OverlapsAsync();
}
