namespace BudgetActors.GrainInterfaces;

/// <summary>A company's workflow as operators see it.</summary>
/// <param name="BudgetsByStatus">How many budgets are in each status (statuses no budget is in are left out).</param>
/// <param name="PendingApprovals">Budgets waiting for an accounting approver, the longest waiting first.</param>
/// <param name="FailedToExport">Budgets the ERP refused, with its error, the oldest first.</param>
/// <param name="DailySummaries">Daily summaries sent over the last few local days, the latest first.</param>
/// <param name="RecentEvents">The latest history steps of the company's budgets, the latest first.</param>
[GenerateSerializer, Immutable]
public sealed record CompanyActivityView(
    [property: Id(0)] string CompanyId,
    [property: Id(1)] IReadOnlyDictionary<BudgetStatus, int> BudgetsByStatus,
    [property: Id(2)] IReadOnlyList<PendingItem> PendingApprovals,
    [property: Id(3)] IReadOnlyList<FailedExport> FailedToExport,
    [property: Id(4)] IReadOnlyList<DailySummarySent> DailySummaries,
    [property: Id(5)] IReadOnlyList<HistoryEvent> RecentEvents);
