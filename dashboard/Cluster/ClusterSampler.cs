using BudgetActors.Dashboard.Grains;
using BudgetActors.Dashboard.Overview;
using BudgetActors.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetActors.Dashboard.Cluster;

/// <summary>
/// Reads every live silo once a sample interval, whether or not a page is open, so that every open page
/// gets the same sample (the silos are asked once, not once per viewer) and the charts have history from
/// the moment one opens. Rates and the latency chart are of the last interval: the difference between two
/// successive reports of each silo; method percentiles are since the silos started.
/// </summary>
internal sealed class ClusterSampler(
    SiloStatistics statistics,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<ClusterSampler> logger) : BackgroundService
{
    private const int TopMethods = 10;

    private readonly Queue<OverviewPoint> _history = new();
    private TaskCompletionSource<ClusterSample> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, SiloReport> _previous = [];
    private ClusterSample? _latest;

    /// <summary>The newest sample, or the first one once it is taken.</summary>
    public Task<ClusterSample> LatestAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _latest) is { } latest ? Task.FromResult(latest) : NextAsync(cancellationToken);

    /// <summary>Completes with the next sample taken.</summary>
    public Task<ClusterSample> NextAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            try
            {
                var sample = Sample(await statistics.ReportClusterAsync(stoppingToken).ConfigureAwait(false));
                Volatile.Write(ref _latest, sample);
                Interlocked.Exchange(ref _next, new TaskCompletionSource<ClusterSample>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(sample);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
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

    private ClusterSample Sample(IReadOnlyList<SiloReport> reports)
    {
        var at = time.GetUtcNow();
        var intervals = reports.Select(r => new SiloInterval(r, _previous.GetValueOrDefault(r.Silo))).ToList();
        _previous = reports.Where(r => r.Reachable).ToDictionary(r => r.Silo);
        var self = statistics.Silo.Address?.Id ?? statistics.Silo.Name;

        var silos = intervals.Select(i => Silo(i, self, at)).ToList();
        var methods = Methods(intervals);
        var point = Point(intervals, silos, at);
        _history.Enqueue(point);
        while (_history.Count > options.Value.HistoryLength)
        {
            _history.Dequeue();
        }

        var activationTypes = reports.SelectMany(r => r.Activations.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(type =>
            {
                var perSilo = reports.Select(r => r.Activations.GetValueOrDefault(type)).ToList();
                return new GrainTypeOverview(type, perSilo, perSilo.Sum());
            })
            .ToList();

        var overview = new OverviewModel(
            at,
            new ClusterTotals(reports.Count, silos.Sum(s => s.Activations), silos.Sum(s => s.TotalCalls), silos.Sum(s => s.TotalFailures)),
            silos,
            point,
            [.. _history],
            [.. methods.OrderByDescending(m => m.Calls).Take(TopMethods)],
            [.. methods.Where(m => m.Failures > 0).OrderByDescending(m => m.Failures).Take(TopMethods)],
            [.. methods.OrderByDescending(m => m.P99Milliseconds).Take(TopMethods)],
            [.. activationTypes.OrderByDescending(t => t.Total).Select(t => new GrainTypeActivations(t.GrainType, t.Total))]);
        var grains = new GrainsModel(
            at,
            [.. reports.Select(r => r.Silo)],
            [.. methods.OrderBy(m => m.GrainInterface, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal)],
            activationTypes);
        return new ClusterSample(overview, grains);
    }

    private static SiloOverview Silo(SiloInterval interval, string self, DateTimeOffset at)
    {
        var report = interval.Now;
        var status = !report.Reachable ? "Not answering" : report.IsServing ? "Serving" : "Not serving";
        return new SiloOverview(
            report.Silo,
            report.Name,
            report.Silo == self,
            status,
            report.Reachable ? Math.Round((at - report.StartedAt).TotalSeconds) : 0,
            interval.CpuPercent,
            report.WorkingSetBytes,
            report.ManagedHeapBytes,
            report.Activations.Values.Sum(),
            report.Methods.Sum(m => m.Calls),
            report.Methods.Sum(m => m.Failures),
            interval.PerSecond(report.Methods.Sum(interval.CallsOf)));
    }

    private static OverviewPoint Point(IReadOnlyList<SiloInterval> intervals, IReadOnlyList<SiloOverview> silos, DateTimeOffset at)
    {
        var calls = intervals.Sum(i => i.Now.Methods.Sum(i.CallsOf));
        var failures = intervals.Sum(i => i.Now.Methods.Sum(i.FailuresOf));
        var latency = intervals.SelectMany(i => i.Now.Methods.Select(i.LatencyOf)).Aggregate(LatencyDistribution.Empty, (all, one) => all.Add(one));
        var answering = silos.Where(s => s.Status != "Not answering").ToList();
        return new OverviewPoint(
            at,
            silos.Sum(s => s.CallsPerSecond),
            calls > 0 ? (double)failures / calls : 0,
            latency.Percentile(0.50).TotalMilliseconds,
            latency.Percentile(0.99).TotalMilliseconds,
            answering.Count > 0 ? Math.Round(answering.Average(s => s.CpuPercent), 1) : 0,
            answering.Sum(s => s.WorkingSetBytes));
    }

    private static List<MethodOverview> Methods(IReadOnlyList<SiloInterval> intervals) =>
        [.. intervals
            .SelectMany(i => i.Now.Methods.Select(m => (Interval: i, Method: m)))
            .GroupBy(x => (x.Method.GrainInterface, x.Method.Method))
            .Select(g =>
            {
                var latency = g.Aggregate(LatencyDistribution.Empty, (all, x) => all.Add(x.Method.Latency));
                return new MethodOverview(
                    g.Key.GrainInterface,
                    g.Key.Method,
                    g.Sum(x => x.Method.Calls),
                    g.Sum(x => x.Method.Failures),
                    g.Sum(x => x.Interval.PerSecond(x.Interval.CallsOf(x.Method))),
                    latency.Percentile(0.50).TotalMilliseconds,
                    latency.Percentile(0.99).TotalMilliseconds);
            })];
}
