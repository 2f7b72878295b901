namespace BudgetActors.Erp;

/// <summary>
/// Talks to one kind of ERP. The ERP gateway grain makes sure only one call at a time reaches an ERP
/// company, so a connector need not. Failures are <see cref="ErpException"/>s that say whether trying
/// again can help.
/// </summary>
public interface IErpConnector
{
    ErpSystem System { get; }

    Task<ErpJobInfo?> GetJobAsync(string companyCode, string erpJob, CancellationToken cancellationToken);

    /// <summary>The job's phases and cost types with original estimates and job-to-date cost (its job cost data).</summary>
    Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string companyCode, string erpJob, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListCostCodesAsync(string companyCode, CancellationToken cancellationToken);

    /// <summary>
    /// Writes original and current estimates. A request whose idempotency key the ERP has already applied
    /// succeeds without applying it again.
    /// </summary>
    Task PostEstimatesAsync(string companyCode, ExportRequest request, CancellationToken cancellationToken);
}
