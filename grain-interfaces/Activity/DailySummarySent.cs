namespace BudgetActors.GrainInterfaces;

/// <summary>An "ERP Integrations Daily Summary" an approver was sent.</summary>
/// <param name="Day">The company's local day the summary is for.</param>
/// <param name="Items">How many budgets it listed as awaiting acceptance.</param>
[GenerateSerializer, Immutable]
public sealed record DailySummarySent([property: Id(0)] string ApproverId, [property: Id(1)] DateOnly Day, [property: Id(2)] DateTimeOffset SentAt, [property: Id(3)] int Items);
