using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Authentication;

/// <summary>
/// Slows password guessing: after <see cref="DashboardOptions.MaxFailedLogins"/> wrong credentials from one
/// address within <see cref="DashboardOptions.FailedLoginWindow"/>, that address is refused without the
/// credential being checked until its oldest failure is older than the window. A good login clears the count.
/// </summary>
internal sealed class LoginThrottle(IOptions<DashboardOptions> options, TimeProvider time)
{
    // Enough addresses to remember for any real attack on one silo; beyond that, expired ones are dropped.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="remote"/> must wait before trying again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string remote)
    {
        if (!_failures.TryGetValue(remote, out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var now = time.GetUtcNow();
            var window = options.Value.FailedLoginWindow;
            while (failures.Count > 0 && now - failures.Peek() >= window)
            {
                failures.Dequeue();
            }

            return failures.Count >= options.Value.MaxFailedLogins ? failures.Peek() + window - now : null;
        }
    }

    public void Failed(string remote)
    {
        if (_failures.Count > PruneAbove)
        {
            Prune();
        }

        var failures = _failures.GetOrAdd(remote, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            failures.Enqueue(time.GetUtcNow());
        }
    }

    public void Succeeded(string remote) => _failures.TryRemove(remote, out _);

    private void Prune()
    {
        foreach (var remote in _failures.Keys)
        {
            if (RetryAfter(remote) is null)
            {
                _failures.TryRemove(remote, out _);
            }
        }
    }
}
