namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One project's budget (key: <c>companyId:projectId</c>, see <see cref="BudgetKey"/>), enforcing the lock and
/// approval workflow. Every call acts as the user in the request context; a refusal throws
/// <see cref="WorkflowException"/> and changes nothing.
/// </summary>
[Alias("budget")]
public interface IBudgetGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task CreateAsync();

    [Alias("AddLineAsync")]
    Task AddLineAsync(BudgetLine line);

    [Alias("UpdateLineAsync")]
    Task UpdateLineAsync(BudgetLine line);

    [Alias("RemoveLineAsync")]
    Task RemoveLineAsync(string costCode, string category);

    [Alias("AddChangeAsync")]
    Task AddChangeAsync(BudgetChange change);

    [Alias("RemoveChangeAsync")]
    Task RemoveChangeAsync(string changeId);

    [Alias("LockAsync")]
    Task LockAsync();

    /// <summary>Unlocks a locked budget, or a synced one once the ERP's job cost data shows the exported originals.</summary>
    [Alias("UnlockAsync")]
    Task UnlockAsync();

    /// <summary>Sends the locked budget to ERP Integrations, where every approver of the company sees it.</summary>
    [Alias("SendAsync")]
    Task SendAsync();

    /// <summary>Takes a budget waiting for acceptance back.</summary>
    [Alias("RetrieveAsync")]
    Task RetrieveAsync();

    /// <summary>An approver accepts submission <paramref name="submission"/>: it is exported through the ERP gateway.</summary>
    [Alias("AcceptAsync")]
    Task AcceptAsync(int submission);

    /// <summary>An approver rejects a pending budget or a failed export; it becomes editable and its creator and sender are told why.</summary>
    [Alias("RejectAsync")]
    Task RejectAsync(int submission, string reason);

    [Alias("RetryExportAsync")]
    Task RetryExportAsync(int submission);

    /// <summary>Imports the ERP job's estimates (Spectrum only).</summary>
    [Alias("ImportAsync")]
    Task ImportAsync(ImportMode mode);

    /// <summary>What an import would change: current ERP total, current budget total, new total.</summary>
    [Alias("PreviewImportAsync")]
    Task<ReimportPreview> PreviewImportAsync(ImportMode mode);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<BudgetView> GetAsync();

    /// <summary>The ERP gateway reports how an export went (only the gateway may call this).</summary>
    [Alias("ReportExportAsync")]
    Task ReportExportAsync(ExportOutcome outcome);
}
