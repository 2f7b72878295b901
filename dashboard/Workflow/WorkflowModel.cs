namespace BudgetActors.Dashboard.Workflow;

/// <summary>What the Workflow page shows, across every company.</summary>
internal sealed record WorkflowModel(
    DateTimeOffset At,
    IReadOnlyList<CompanyBudgetCounts> Budgets,
    IReadOnlyList<PendingApprovalRow> PendingApprovals,
    IReadOnlyList<DailySummaryRow> DailySummariesToday,
    IReadOnlyList<HistoryEventRow> RecentEvents);

/// <summary>How many budgets of one company are in each status.</summary>
internal sealed record CompanyBudgetCounts(
    string CompanyId,
    int Unlocked,
    int Locked,
    int PendingAcceptance,
    int Exporting,
    int Synced,
    int ExportFailed,
    int Total);

/// <summary>A budget waiting for an accounting approver, and how long it has waited.</summary>
internal sealed record PendingApprovalRow(
    string CompanyId,
    string ProjectId,
    int Submission,
    string SentBy,
    decimal Total,
    DateTimeOffset WaitingSince,
    double WaitedSeconds);

/// <summary>A daily summary an approver was sent today (the company's local day).</summary>
internal sealed record DailySummaryRow(string CompanyId, string ApproverId, DateTimeOffset SentAt, int Items);

/// <summary>A step of a budget's history: who did what, when, and what it did to the budget's status.</summary>
internal sealed record HistoryEventRow(
    DateTimeOffset At,
    string CompanyId,
    string ProjectId,
    string UserId,
    string Action,
    string From,
    string To,
    string? Detail);
