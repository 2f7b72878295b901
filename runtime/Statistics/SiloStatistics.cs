using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Runtime;

/// <summary>
/// What this silo can tell an operator about itself and its cluster, read-only: calls per method,
/// activations per grain type, the process's load, and the same from every live silo. The runtime's own
/// types stay internal; this is the door the dashboard (or a metrics exporter) goes through.
/// </summary>
public sealed class SiloStatistics
{
    /// <summary>How long a report from another silo may take before that silo is shown as not answering.</summary>
    public static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(2);

    private static readonly DateTimeOffset s_processStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    private readonly GrainRuntime _runtime;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;

    internal SiloStatistics(GrainRuntime runtime, LocalSiloDetails silo, IServiceProvider services, TimeProvider time)
    {
        _runtime = runtime;
        _services = services;
        _time = time;
        Silo = silo;
    }

    /// <summary>This silo's name and address.</summary>
    public LocalSiloDetails Silo { get; }

    /// <summary>Calls, failures and latency per grain method since the silo started.</summary>
    public CallStatistics Calls => _runtime.Statistics;

    /// <summary>Activations on this silo per grain type.</summary>
    public IReadOnlyDictionary<string, int> ActivationsByType() => _runtime.ActivationCountsByType();

    /// <summary>
    /// The live silos as this silo's membership view has them (itself included), ordered by id; empty for
    /// a silo that has no cluster endpoint.
    /// </summary>
    public IReadOnlyList<SiloAddress> ClusterSilos() =>
        _services.GetService<ClusterMembership>()?.View.Silos ?? [];

    /// <summary>This silo's figures now.</summary>
    public SiloReport Report() => new(
        Silo.Address?.Id ?? Silo.Name,
        Silo.Name,
        Reachable: true,
        Silo.IsServing,
        _time.GetUtcNow(),
        s_processStarted,
        Environment.CpuUsage.TotalTime,
        Environment.ProcessorCount,
        Environment.WorkingSet,
        GC.GetTotalMemory(forceFullCollection: false),
        ActivationsByType(),
        Calls.Snapshot());

    /// <summary>
    /// The figures of every live silo, this one included, asked of all at once over the silos' own endpoint
    /// (with the cluster secret). A silo that does not answer within <see cref="PeerTimeout"/> is reported
    /// as unreachable rather than holding up the others.
    /// </summary>
    public async Task<IReadOnlyList<SiloReport>> ReportClusterAsync(CancellationToken cancellationToken)
    {
        var self = Silo.Address;
        var silos = ClusterSilos();
        if (self is null || silos.Count == 0 || _services.GetService<GrainCallSender>() is not { } sender)
        {
            return [Report()];
        }

        var credentials = new AuthenticationHeaderValue(WireHeaders.ClusterScheme, _services.GetRequiredService<ClusterSecret>().Value);
        return await Task.WhenAll(silos.Select(silo => silo == self ? Task.FromResult(Report()) : AskAsync(sender, silo, credentials, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<SiloReport> AskAsync(GrainCallSender sender, SiloAddress silo, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PeerTimeout);
        try
        {
            return await sender.GetStatisticsAsync(silo.Endpoint, credentials, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SiloReport.Unreachable(silo, _time.GetUtcNow());
        }
    }
}
