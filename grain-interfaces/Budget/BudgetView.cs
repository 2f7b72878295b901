namespace BudgetActors.GrainInterfaces;

/// <summary>Everything a user sees of a budget.</summary>
/// <param name="Submission">Counts sends; an approver's decision names the submission it is about.</param>
public sealed record BudgetView(
    string CompanyId,
    string ProjectId,
    string? ErpJob,
    BudgetStatus Status,
    IReadOnlyList<BudgetLineView> Lines,
    IReadOnlyList<BudgetChange> Changes,
    decimal TotalOriginal,
    decimal TotalChanges,
    decimal TotalRevised,
    string? CreatedBy,
    string? SentBy,
    int Submission,
    ErpError? LastError,
    IReadOnlyList<HistoryEntry> History);
