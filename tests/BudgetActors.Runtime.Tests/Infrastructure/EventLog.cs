using System.Collections.Concurrent;

namespace BudgetActors.Runtime.Tests;

/// <summary>
/// What test grains did, in order, keyed by grain key (unique per test): entries, exits, activations.
/// Tests can also wait until a given entry appears.
/// </summary>
public static class EventLog
{
    private static readonly ConcurrentDictionary<string, Log> s_logs = new();

    public static void Add(string key, string entry) => s_logs.GetOrAdd(key, _ => new Log()).Add(entry);

    public static IReadOnlyList<string> Of(string key) => s_logs.GetOrAdd(key, _ => new Log()).Snapshot();

    /// <summary>Completes when <paramref name="key"/>'s log holds <paramref name="count"/> entries equal to <paramref name="entry"/>.</summary>
    public static Task WaitForAsync(string key, string entry, int count = 1) =>
        s_logs.GetOrAdd(key, _ => new Log()).WaitForAsync(entry, count);

    private sealed class Log
    {
        private readonly Lock _lock = new();
        private readonly List<string> _entries = [];
        private readonly List<(string Entry, int Count, TaskCompletionSource Done)> _waiters = [];

        public void Add(string entry)
        {
            lock (_lock)
            {
                _entries.Add(entry);
                foreach (var waiter in _waiters.Where(w => _entries.Count(e => e == w.Entry) >= w.Count).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        public IReadOnlyList<string> Snapshot()
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }

        public Task WaitForAsync(string entry, int count)
        {
            lock (_lock)
            {
                if (_entries.Count(e => e == entry) >= count)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((entry, count, done));
                return done.Task;
            }
        }
    }
}
