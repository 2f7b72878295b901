namespace BudgetActors.Runtime.Tests;

/// <summary>Notes every time two threads run a grain's code at the same moment.</summary>
public sealed class OverlapDetector
{
    private int _inside;
    private int _overlaps;

    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Runs one piece of grain code, holding the window open a little so an overlap would be seen.</summary>
    public void Run(Action action)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        action();
        Thread.SpinWait(100_000);
        Interlocked.Decrement(ref _inside);
    }
}
