using System.Diagnostics;

namespace BudgetActors.Benchmarks;

/// <summary>
/// <c>concurrency</c> callers in a closed loop that keep calling until the run is disposed; a measured window
/// reports the operations that finished in it: operations per second, latency percentiles and this
/// process's CPU per operation. Callers do not stop between windows, so a benchmark can change what it
/// measures between two windows (and alternate) without the ramp-up of a fresh set of callers.
/// </summary>
internal sealed class LoadRun : IAsyncDisposable
{
    private readonly Task[] _callers;
    private LatencyRecorder[]? _window;
    private bool _stop;

    private LoadRun(int concurrency, Func<int, long, Task> operation)
    {
        _callers = [.. Enumerable.Range(0, concurrency).Select(caller => Task.Run(() => CallAsync(caller, operation)))];
    }

    /// <summary>Starts the callers; nothing is counted until <see cref="MeasureAsync"/>.</summary>
    public static LoadRun Start(int concurrency, Func<int, long, Task> operation) => new(concurrency, operation);

    /// <summary>A warm-up, then one measured window.</summary>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan measured, Func<int, long, Task> operation)
    {
        await using var run = Start(concurrency, operation);
        await Task.Delay(warmUp);
        GC.Collect();
        return await run.MeasureAsync(measured);
    }

    /// <summary>Counts the operations that finish during the next <paramref name="duration"/>.</summary>
    public async Task<LoadResult> MeasureAsync(TimeSpan duration)
    {
        var recorders = Enumerable.Range(0, _callers.Length).Select(_ => new LatencyRecorder()).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _window, recorders);
        await Task.Delay(duration);
        Volatile.Write(ref _window, null);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        // An operation in flight as the window closes may still land in it while this reads: one per caller at
        // most, against the millions counted.
        var (count, p50, p99) = LatencyRecorder.Merge(recorders);
        return new LoadResult(count / elapsed.TotalSeconds, p50, p99, cpu.TotalNanoseconds / Math.Max(count, 1));
    }

    private async Task CallAsync(int caller, Func<int, long, Task> operation)
    {
        for (long i = 0; !Volatile.Read(ref _stop); i++)
        {
            // The window the operation started in counts it, whenever it finishes.
            var recorder = Volatile.Read(ref _window)?[caller];
            var start = Stopwatch.GetTimestamp();
            var pending = operation(caller, i);
            if (pending.IsCompleted)
            {
                recorder?.Record(start);
                await pending;

                // An operation that finished on this thread never gave it up: yield, so that all the
                // callers really take turns instead of two of them running while the rest wait.
                await Task.Yield();
                continue;
            }

            await pending;
            recorder?.Record(start);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _stop, true);
        await Task.WhenAll(_callers);
    }
}
