using BudgetActors.Dashboard.Workflow;
using BudgetActors.GrainInterfaces;

namespace BudgetActors.Dashboard.Erp;

/// <summary>
/// The ERP page's figures: the queue of every ERP company the companies export to (depth, the call in flight
/// and how long it has run by the silo's clock, throughput, retries, circuit, last error) and the Failed to
/// Export list across companies.
/// </summary>
internal sealed class ErpPage(CompanyReader companies, IGrainFactory grains, ErpThroughput throughput, TimeProvider time)
{
    // A page of rows pushed every second stays readable and small; the Workflow page counts every failed export.
    private const int FailedExportsShown = 100;

    public async Task<ErpModel> ReadAsync(CancellationToken cancellationToken)
    {
        var readings = await companies.ReadAsync(cancellationToken).ConfigureAwait(false);
        var gateways = readings
            .Where(r => r.Company.ErpGatewayKey is not null)
            .GroupBy(r => r.Company.ErpGatewayKey!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var queues = await Task.WhenAll(gateways.Select(g => companies.AsDashboardAsync(
                g.First().Company.CompanyId, () => grains.GetGrain<IErpGatewayGrain>(g.Key).GetQueueAsync())))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return new ErpModel(
            now,
            [.. gateways.Zip(queues, (gateway, queue) => new ErpGatewayRow(
                gateway.Key,
                [.. gateway.Select(r => r.Company.CompanyId)],
                queue.Depth,
                queue.InFlight,
                queue.InFlightSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : null,
                queue.Completed,
                throughput.ExportsPerSecond(gateway.Key, queue.Completed),
                queue.Retries,
                queue.CircuitOpen,
                queue.LastError?.ToString(),
                queue.NextAttemptAt))],
            [.. readings.SelectMany(r => r.Activity.FailedToExport)
                .OrderBy(f => f.FailedAt)
                .Take(FailedExportsShown)
                .Select(f => new FailedExportRow(f.CompanyId, f.ProjectId, f.Submission, f.Total, f.Error.ToString(), f.FailedAt))]);
    }
}
