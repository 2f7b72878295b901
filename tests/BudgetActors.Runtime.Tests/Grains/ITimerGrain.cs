namespace BudgetActors.Runtime.Tests;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose every tick logs "tick-start", waits for the signal, logs "tick-end".</summary>
    Task StartTimerAsync(TimeSpan dueTime, TimeSpan period, string signal);

    Task StopTimerAsync();

    /// <summary>Does nothing, as a turn: returns once any running tick has completed.</summary>
    Task NoopAsync();
}
