namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One project's budget (key: <c>companyId:projectId</c>, see <see cref="BudgetKey"/>), enforcing the lock and
/// approval workflow. Every call acts as the user in the request context; a refusal throws
/// <see cref="WorkflowException"/> and changes nothing.
/// </summary>
[GrainType("budget")]
public interface IBudgetGrain : IGrainWithStringKey
{
    Task CreateAsync();

    Task AddLineAsync(BudgetLine line);

    Task UpdateLineAsync(BudgetLine line);

    Task RemoveLineAsync(string costCode, string category);

    Task AddChangeAsync(BudgetChange change);

    Task RemoveChangeAsync(string changeId);

    Task LockAsync();

    /// <summary>Unlocks a locked budget, or a synced one once the ERP's job cost data shows the exported originals.</summary>
    Task UnlockAsync();

    /// <summary>Sends the locked budget to ERP Integrations, where every approver of the company sees it.</summary>
    Task SendAsync();

    /// <summary>Takes a budget waiting for acceptance back.</summary>
    Task RetrieveAsync();

    /// <summary>An approver accepts submission <paramref name="submission"/>: it is exported through the ERP gateway.</summary>
    Task AcceptAsync(int submission);

    /// <summary>An approver rejects a pending budget or a failed export; it becomes editable and its creator and sender are told why.</summary>
    Task RejectAsync(int submission, string reason);

    Task RetryExportAsync(int submission);

    /// <summary>Imports the ERP job's estimates (Spectrum only).</summary>
    Task ImportAsync(ImportMode mode);

    /// <summary>What an import would change: current ERP total, current budget total, new total.</summary>
    Task<ReimportPreview> PreviewImportAsync(ImportMode mode);

    [ReadOnly]
    Task<BudgetView> GetAsync();

    /// <summary>The ERP gateway reports how an export went (only the gateway may call this).</summary>
    Task ReportExportAsync(ExportOutcome outcome);
}
