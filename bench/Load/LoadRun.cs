using System.Diagnostics;

namespace BudgetActors.Benchmarks.Load;

/// <summary>
/// <c>concurrency</c> callers in a closed loop (each starts its next operation when the last one finished),
/// as many users or request threads would; a measured window counts the operations that started in it:
/// operations per second, latency percentiles and this process's CPU per operation.
/// </summary>
internal sealed class LoadRun : IAsyncDisposable
{
    private readonly Task[] _callers;
    private LatencyRecorder[]? _window;
    private bool _stop;

    private LoadRun(int concurrency, Func<int, long, Task> operation) =>
        _callers = [.. Enumerable.Range(0, concurrency).Select(caller => Task.Run(() => CallAsync(caller, operation)))];

    /// <summary>A warm-up, then one measured window, then the callers stop.</summary>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan measured, Func<int, long, Task> operation)
    {
        await using var run = new LoadRun(concurrency, operation);
        await Task.Delay(warmUp);

        // What the warm-up left for the collector is not the measured window's to pay.
        GC.Collect();
        return await run.MeasureAsync(measured);
    }

    private async Task<LoadResult> MeasureAsync(TimeSpan duration)
    {
        var recorders = Enumerable.Range(0, _callers.Length).Select(_ => new LatencyRecorder()).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _window, recorders);
        await Task.Delay(duration);
        Volatile.Write(ref _window, null);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var (count, p50, p99) = LatencyRecorder.Merge(recorders);
        return new LoadResult(count / elapsed.TotalSeconds, p50, p99, cpu.TotalNanoseconds / Math.Max(count, 1));
    }

    private async Task CallAsync(int caller, Func<int, long, Task> operation)
    {
        for (long i = 0; !Volatile.Read(ref _stop); i++)
        {
            var recorder = Volatile.Read(ref _window)?[caller];
            var start = Stopwatch.GetTimestamp();
            var pending = operation(caller, i);
            if (pending.IsCompleted)
            {
                await pending;
                recorder?.Record(start);

                // An operation that finished without giving up the thread: yield, so that every caller takes
                // its turn instead of a few running while the rest wait.
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
