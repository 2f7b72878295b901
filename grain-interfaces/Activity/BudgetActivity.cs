namespace BudgetActors.GrainInterfaces;

/// <summary>Where one project's budget stands, as the budget reports it after each committed change.</summary>
/// <param name="Version">How many steps the budget's history holds: a report with fewer than the one held is old news.</param>
/// <param name="Since">When the budget entered <paramref name="Status"/> (for a pending budget: when it was sent).</param>
/// <param name="Total">The revised total: original budget plus budget changes.</param>
/// <param name="LastError">The ERP's error, while the budget is Export failed.</param>
/// <param name="LatestSteps">
/// The last steps of the history, ending at step <paramref name="Version"/>: those of an earlier report that
/// was lost come again with this one (the company keeps only its latest steps anyway).
/// </param>
[GenerateSerializer, Immutable]
public sealed record BudgetActivity(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] int Version,
    [property: Id(2)] BudgetStatus Status,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] int Submission,
    [property: Id(5)] decimal Total,
    [property: Id(6)] string? SentBy,
    [property: Id(7)] ErpError? LastError,
    [property: Id(8)] IReadOnlyList<HistoryEntry> LatestSteps);
