namespace BudgetActors.Runtime.Tests;

[Reentrant]
public sealed class ReentrantTurnGrain : Grain, IReentrantTurnGrain
{
    private readonly OverlapDetector _overlaps = new();

    public async Task HoldAsync(string signal)
    {
        _overlaps.Run(() => EventLog.Add(this.GetPrimaryKeyString(), "enter"));
        await Signals.WaitAsync(signal);
        _overlaps.Run(() => EventLog.Add(this.GetPrimaryKeyString(), "exit"));
    }

    public Task<int> OverlapsAsync() => Task.FromResult(_overlaps.Overlaps);
}
