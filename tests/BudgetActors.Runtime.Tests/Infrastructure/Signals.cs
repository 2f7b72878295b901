using System.Collections.Concurrent;

namespace BudgetActors.Runtime.Tests;

/// <summary>
/// Named one-shot signals shared by tests and test grains: a grain waits on one, the test releases it.
/// Names are unique per test, so tests never see each other's signals.
/// </summary>
public static class Signals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_signals = new();

    public static string NewName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    public static Task WaitAsync(string name) => Get(name).Task;

    public static void Release(string name) => Get(name).TrySetResult();

    public static bool IsReleased(string name) => Get(name).Task.IsCompleted;

    private static TaskCompletionSource Get(string name) =>
        s_signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
