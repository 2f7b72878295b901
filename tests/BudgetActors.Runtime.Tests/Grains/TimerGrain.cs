namespace BudgetActors.Runtime.Tests;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;

    public Task StartTimerAsync(TimeSpan dueTime, TimeSpan period, string signal)
    {
        var key = this.GetPrimaryKeyString();
        _timer = RegisterGrainTimer(
            async ct =>
            {
                EventLog.Add(key, "tick-start");
                await Signals.WaitAsync(signal);
                EventLog.Add(key, "tick-end");
            },
            dueTime,
            period);
        return Task.CompletedTask;
    }

    public Task NoopAsync() => Task.CompletedTask;

    public Task StopTimerAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }
}
