namespace BudgetActors.Runtime.Tests;

public sealed class TurnGrain : Grain, ITurnGrain
{
    private int _inside;
    private int _overlaps;

    private string Key => this.GetPrimaryKeyString();

    public async Task RecordAsync(int caller)
    {
        Segment(() => EventLog.Add(Key, $"enter {caller}"));
        await Task.Yield();
        Segment(() => EventLog.Add(Key, $"exit {caller}"));
    }

    public async Task WaitForSignalAsync(string signal)
    {
        EventLog.Add(Key, "wait");
        await Signals.WaitAsync(signal);
        EventLog.Add(Key, "done");
    }

    public async Task ReadWhileWaitingAsync(string signal)
    {
        EventLog.Add(Key, "ro-enter");
        await Signals.WaitAsync(signal);
        EventLog.Add(Key, "ro-exit");
    }

    public Task<string> PingAsync() => Task.FromResult("pong");

    public async Task<string> ThrowAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> OverlapsAsync() => Task.FromResult(_overlaps);

    /// <summary>Runs a piece of grain code and notes whether another thread was inside at the same time.</summary>
    private void Segment(Action action)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        action();
        Thread.SpinWait(2000); // widen the window in which an overlap would be seen
        Interlocked.Decrement(ref _inside);
    }
}
