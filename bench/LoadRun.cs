using System.Diagnostics;

namespace BudgetActors.Benchmarks;

/// <summary>
/// Runs <c>concurrency</c> callers in a closed loop for a warm-up and then a measured period, and reports
/// operations per second and latency percentiles of the measured period.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan measured, Func<int, long, Task> operation)
    {
        await RunPhaseAsync(concurrency, warmUp, operation);
        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (recorders, elapsed) = await RunPhaseAsync(concurrency, measured, operation);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var (count, p50, p99) = LatencyRecorder.Merge(recorders);
        return new LoadResult(count / elapsed.TotalSeconds, p50, p99, cpu / Math.Max(count, 1));
    }

    private static async Task<(LatencyRecorder[] Recorders, TimeSpan Elapsed)> RunPhaseAsync(int concurrency, TimeSpan duration, Func<int, long, Task> operation)
    {
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder()).ToArray();
        var stop = false;
        var started = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var recorder = recorders[caller];
            for (long i = 0; !Volatile.Read(ref stop); i++)
            {
                var start = Stopwatch.GetTimestamp();
                var pending = operation(caller, i);
                if (pending.IsCompleted)
                {
                    recorder.Record(start);
                    await pending;

                    // An operation that finished on this thread never gave it up: yield, so that all the
                    // callers really take turns instead of two of them running while the rest wait.
                    await Task.Yield();
                    continue;
                }

                await pending;
                recorder.Record(start);
            }
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(callers);
        return (recorders, Stopwatch.GetElapsedTime(started));
    }
}
