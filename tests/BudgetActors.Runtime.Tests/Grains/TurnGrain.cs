namespace BudgetActors.Runtime.Tests;

public sealed class TurnGrain : Grain, ITurnGrain
{
    private readonly OverlapDetector _overlaps = new();

    private string Key => this.GetPrimaryKeyString();

    public async Task RecordAsync(int caller)
    {
        _overlaps.Run(() => EventLog.Add(Key, $"enter {caller}"));
        await Task.Yield();
        _overlaps.Run(() => EventLog.Add(Key, $"exit {caller}"));
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

    public Task<int> OverlapsAsync() => Task.FromResult(_overlaps.Overlaps);
}
