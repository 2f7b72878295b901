using System.Collections.Concurrent;

namespace BudgetActors.Storage.Tests;

/// <summary>A silo's record of the reminder ticks its grains received: a test waits on it instead of sleeping.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<(string Grain, string Reminder), TaskCompletionSource> _first = new();

    public void Record(string grain, string reminder) => Signal(grain, reminder).TrySetResult();

    /// <summary>Completes at the reminder's first tick.</summary>
    public Task FirstTick(string grain, string reminder) => Signal(grain, reminder).Task;

    private TaskCompletionSource Signal(string grain, string reminder) =>
        _first.GetOrAdd((grain, reminder), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
