namespace BudgetActors.GrainInterfaces;

/// <summary>
/// One accounting approver (key: <c>companyId:userId</c>): the items they can act on, and their daily
/// summary. Budgets add and remove items; any approver may decide any item, and the first decision wins.
/// </summary>
[Alias("approver")]
public interface IApproverGrain : IGrainWithStringKey
{
    [Alias("AddPendingAsync")]
    Task AddPendingAsync(PendingItem item);

    /// <summary>Removes the item of that budget submission (it was decided, retrieved or replaced).</summary>
    [Alias("RemovePendingAsync")]
    Task RemovePendingAsync(string projectId, int submission);

    [ReadOnly]
    [Alias("GetPendingAsync")]
    Task<IReadOnlyList<PendingItem>> GetPendingAsync();

    /// <summary>Lists a budget the ERP refused under "Failed to Export".</summary>
    [Alias("AddFailedAsync")]
    Task AddFailedAsync(FailedExport failed);

    /// <summary>Takes a budget off "Failed to Export" (retried or rejected).</summary>
    [Alias("RemoveFailedAsync")]
    Task RemoveFailedAsync(string projectId, int submission);

    /// <summary>The "Failed to Export" list, with each ERP error.</summary>
    [ReadOnly]
    [Alias("GetFailedAsync")]
    Task<IReadOnlyList<FailedExport>> GetFailedAsync();
}
