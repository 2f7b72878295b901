namespace BudgetActors.Runtime.Tests;

[Reentrant]
public sealed class ReentrantTurnGrain : Grain, IReentrantTurnGrain
{
    private int _inside;
    private int _overlaps;

    public async Task HoldAsync(string signal)
    {
        Segment(() => EventLog.Add(this.GetPrimaryKeyString(), "enter"));
        await Signals.WaitAsync(signal);
        Segment(() => EventLog.Add(this.GetPrimaryKeyString(), "exit"));
    }

    public Task<int> OverlapsAsync() => Task.FromResult(_overlaps);

    private void Segment(Action action)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        action();
        Thread.SpinWait(2000);
        Interlocked.Decrement(ref _inside);
    }
}
