namespace BudgetActors.GrainInterfaces;

/// <summary>
/// What is happening in one company's workflow (key: company id), kept as budgets and approvers report it
/// so that operators can see it without reading every budget: each project's budget status, the pending
/// approvals and the Failed to Export list that follow from them, the daily summaries sent, and the latest
/// history steps. Only the workflow itself writes it and only the silo (the operator dashboard) reads it.
/// </summary>
[Alias("company-activity")]
public interface ICompanyActivityGrain : IGrainWithStringKey
{
    /// <summary>
    /// A budget says where it stands after a committed change. Reports carry absolute values: one older
    /// than what is held changes nothing, and one that follows a lost report repairs it.
    /// </summary>
    [Alias("RecordBudgetAsync")]
    Task RecordBudgetAsync(BudgetActivity budget);

    /// <summary>An approver sent their ERP Integrations Daily Summary; a repeated report changes nothing.</summary>
    [Alias("RecordDailySummaryAsync")]
    Task RecordDailySummaryAsync(DailySummarySent summary);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<CompanyActivityView> GetAsync();
}
