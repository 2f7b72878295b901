using System.Diagnostics;

namespace BudgetActors.Benchmarks.Load;

/// <summary>
/// Calls one grain in a loop, as a client app retrying would (a short pause after a failure), and keeps
/// every call's start, end and outcome, so that the time a failure took to heal can be read afterwards.
/// </summary>
internal sealed class Probe
{
    private readonly List<(long Start, long End, bool Ok)> _calls = [];
    private readonly Task _loop;
    private bool _stop;

    public Probe(Func<Task> call) => _loop = Task.Run(() => LoopAsync(call));

    public int Failures(long since)
    {
        lock (_calls)
        {
            return _calls.Count(c => !c.Ok && c.Start >= since);
        }
    }

    /// <summary>
    /// When calls succeeded again after <paramref name="since"/>: the end of the first successful call that
    /// started after the last failed one (a grain never cut off answers with its next call); null while the
    /// latest call failed.
    /// </summary>
    public long? RecoveredAt(long since)
    {
        lock (_calls)
        {
            var lastFailure = _calls.FindLastIndex(c => !c.Ok && c.End >= since);
            var from = lastFailure < 0 ? _calls.FindIndex(c => c.Start >= since) : lastFailure + 1;
            var success = from < 0 ? -1 : _calls.FindIndex(from, c => c.Ok);
            return success < 0 ? null : _calls[success].End;
        }
    }

    public async Task StopAsync()
    {
        Volatile.Write(ref _stop, true);
        await _loop;
    }

    private async Task LoopAsync(Func<Task> call)
    {
        while (!Volatile.Read(ref _stop))
        {
            var start = Stopwatch.GetTimestamp();
            var ok = true;
            try
            {
                await call();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                ok = false;
            }

            lock (_calls)
            {
                _calls.Add((start, Stopwatch.GetTimestamp(), ok));
            }

            // A client app that retries at once after a refused connection would only spin.
            await Task.Delay(ok ? 10 : 50);
        }
    }
}
