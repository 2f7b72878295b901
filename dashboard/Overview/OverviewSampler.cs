using System.Diagnostics;
using BudgetActors.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Overview;

/// <summary>
/// Takes this silo's figures once a sample interval, whether or not a page is open, so that every open
/// page gets the same sample (the runtime is read once, not once per viewer) and the charts have history
/// from the moment one opens. Rates and percentiles are of the last interval: the difference between two
/// successive readings of the runtime's counters.
/// </summary>
internal sealed class OverviewSampler(
    SiloStatistics statistics,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<OverviewSampler> logger) : BackgroundService
{
    private const int TopMethods = 10;

    private readonly Queue<OverviewPoint> _history = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private TaskCompletionSource<OverviewModel> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Reading? _previous;
    private OverviewModel? _latest;

    /// <summary>The newest sample; taken on first use if the loop has not run yet.</summary>
    public OverviewModel Latest => Volatile.Read(ref _latest) ?? Sample();

    /// <summary>Completes with the next sample taken.</summary>
    public Task<OverviewModel> NextAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            try
            {
                var model = Sample();
                Interlocked.Exchange(ref _next, new TaskCompletionSource<OverviewModel>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(model);
            }
            catch (Exception exception)
            {
                DashboardLog.SampleFailed(logger, exception);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private OverviewModel Sample()
    {
        // One sample at a time: pages asking for Latest before the loop's first tick race the loop otherwise.
        lock (_history)
        {
            var reading = Read();
            var previous = _previous ?? reading;
            var seconds = Math.Max((reading.Timestamp - previous.Timestamp) / (double)time.TimestampFrequency, 0);
            var calls = reading.Methods.Sum(m => m.Calls) - previous.Methods.Sum(m => m.Calls);
            var failures = reading.Methods.Sum(m => m.Failures) - previous.Methods.Sum(m => m.Failures);
            var interval = reading.AllCalls.Since(previous.AllCalls);
            var cpu = seconds > 0
                ? (reading.ProcessorTime - previous.ProcessorTime).TotalSeconds / seconds / Environment.ProcessorCount * 100
                : 0;

            var point = new OverviewPoint(
                reading.At,
                seconds > 0 ? calls / seconds : 0,
                calls > 0 ? (double)failures / calls : 0,
                interval.Percentile(0.50).TotalMilliseconds,
                interval.Percentile(0.99).TotalMilliseconds,
                Math.Round(cpu, 1),
                reading.WorkingSet);
            _history.Enqueue(point);
            while (_history.Count > options.Value.HistoryLength)
            {
                _history.Dequeue();
            }

            var previousCalls = previous.Methods.ToDictionary(m => (m.GrainInterface, m.Method), m => m.Calls);
            var methods = reading.Methods
                .Select(m => new MethodOverview(
                    m.GrainInterface,
                    m.Method,
                    m.Calls,
                    m.Failures,
                    seconds > 0 ? (m.Calls - previousCalls.GetValueOrDefault((m.GrainInterface, m.Method))) / seconds : 0,
                    m.P50.TotalMilliseconds,
                    m.P99.TotalMilliseconds))
                .ToList();

            var address = statistics.Silo.Address;
            var model = new OverviewModel(
                reading.At,
                new SiloOverview(
                    statistics.Silo.Name,
                    address?.Id,
                    statistics.Silo.IsServing ? "Serving" : "Not serving",
                    Math.Round((reading.At - reading.ProcessStarted).TotalSeconds),
                    point.CpuPercent,
                    reading.WorkingSet,
                    reading.ManagedHeap,
                    reading.Activations.Values.Sum(),
                    reading.Methods.Sum(m => m.Calls),
                    reading.Methods.Sum(m => m.Failures)),
                [.. statistics.ClusterSilos().Select(s => new ClusterMemberOverview(s.Id, s == address))],
                point,
                [.. _history],
                [.. methods.OrderByDescending(m => m.Calls).Take(TopMethods)],
                [.. methods.Where(m => m.Failures > 0).OrderByDescending(m => m.Failures).Take(TopMethods)],
                [.. methods.OrderByDescending(m => m.P99Milliseconds).Take(TopMethods)],
                [.. reading.Activations.OrderByDescending(a => a.Value).Select(a => new GrainTypeActivations(a.Key, a.Value))]);
            _previous = reading;
            Volatile.Write(ref _latest, model);
            return model;
        }
    }

    private Reading Read()
    {
        _process.Refresh();
        return new Reading(
            time.GetUtcNow(),
            time.GetTimestamp(),
            statistics.Calls.Snapshot(),
            statistics.Calls.AllCalls(),
            statistics.ActivationsByType(),
            _process.TotalProcessorTime,
            _process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            _process.StartTime.ToUniversalTime());
    }

    public override void Dispose()
    {
        _process.Dispose();
        base.Dispose();
    }

    private sealed record Reading(
        DateTimeOffset At,
        long Timestamp,
        IReadOnlyList<MethodCallSnapshot> Methods,
        LatencyDistribution AllCalls,
        IReadOnlyDictionary<string, int> Activations,
        TimeSpan ProcessorTime,
        long WorkingSet,
        long ManagedHeap,
        DateTimeOffset ProcessStarted);
}
