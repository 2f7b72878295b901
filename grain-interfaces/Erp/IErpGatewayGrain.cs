namespace BudgetActors.GrainInterfaces;

/// <summary>
/// The only way to an ERP company (key: <c>spectrum:001</c>, <c>vista:1</c>): every call to that company
/// goes through this grain's queue, one at a time. Exports are durable; reads are answered in turn.
/// </summary>
[Alias("erp-gateway")]
public interface IErpGatewayGrain : IGrainWithStringKey
{
    /// <summary>Queues an export; the budget hears how it went through <see cref="IBudgetGrain.ReportExportAsync"/>.</summary>
    [Alias("EnqueueExportAsync")]
    Task EnqueueExportAsync(ExportRequest request);

    /// <summary>The job's phases and cost types: original estimates and job-to-date cost.</summary>
    [Alias("GetEstimatesAsync")]
    Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string erpJob);

    [Alias("GetJobAsync")]
    Task<ErpJobInfo?> GetJobAsync(string erpJob);

    [Alias("ListCostCodesAsync")]
    Task<IReadOnlyList<string>> ListCostCodesAsync();

    [AlwaysInterleave]
    [Alias("GetQueueAsync")]
    Task<ErpQueueView> GetQueueAsync();
}
