namespace BudgetActors.Runtime;

/// <summary>A timer of one activation. Dispose it to stop it; it also stops when the activation goes away.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer: the next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
