namespace BudgetActors.GrainInterfaces;

/// <summary>An "ERP Integrations Daily Summary" an approver was sent.</summary>
/// <param name="Day">The company's local day the summary is for.</param>
/// <param name="Items">How many budgets it listed as awaiting acceptance.</param>
public sealed record DailySummarySent(string ApproverId, DateOnly Day, DateTimeOffset SentAt, int Items);
