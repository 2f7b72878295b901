namespace BudgetActors.GrainInterfaces;

/// <summary>Everything a user sees of a budget.</summary>
/// <param name="Submission">Counts sends; an approver's decision names the submission it is about.</param>
[GenerateSerializer, Immutable]
public sealed record BudgetView(
    [property: Id(0)] string CompanyId,
    [property: Id(1)] string ProjectId,
    [property: Id(2)] string? ErpJob,
    [property: Id(3)] BudgetStatus Status,
    [property: Id(4)] IReadOnlyList<BudgetLineView> Lines,
    [property: Id(5)] IReadOnlyList<BudgetChange> Changes,
    [property: Id(6)] decimal TotalOriginal,
    [property: Id(7)] decimal TotalChanges,
    [property: Id(8)] decimal TotalRevised,
    [property: Id(9)] string? CreatedBy,
    [property: Id(10)] string? SentBy,
    [property: Id(11)] int Submission,
    [property: Id(12)] ErpError? LastError,
    [property: Id(13)] IReadOnlyList<HistoryEntry> History);
