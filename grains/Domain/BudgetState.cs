using System.Collections.Immutable;
using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains.Domain;

/// <summary>
/// A project budget as it is stored: lines, budget changes, where it is in the workflow, and its history.
/// Immutable: every rule returns a new state, so a refused request leaves the old one untouched.
/// </summary>
public sealed record BudgetState
{
    public BudgetStatus Status { get; init; } = BudgetStatus.None;

    public string? CreatedBy { get; init; }

    public ImmutableList<BudgetLine> Lines { get; init; } = [];

    public ImmutableList<BudgetChange> Changes { get; init; } = [];

    public string? SentBy { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>How many times the budget was sent; decisions and exports name the submission they are about.</summary>
    public int Submission { get; init; }

    public BudgetDecision? LastDecision { get; init; }

    public ErpError? LastError { get; init; }

    /// <summary>The lines as of the last successful export (empty before the first).</summary>
    public ImmutableList<ExportLine> Exported { get; init; } = [];

    /// <summary>Whether the ERP ever took an export of this budget (the project is then ERP-synced).</summary>
    public bool EverExported { get; init; }

    public ImmutableList<HistoryEntry> History { get; init; } = [];

    /// <summary>
    /// Notifications a step caused, stored with that step and handed to the outbox right after: a crash
    /// in between loses none (the next activation hands them over again).
    /// </summary>
    public ImmutableList<Notification> Outbox { get; init; } = [];

    public decimal ChangesOf(LineKey key) => Changes.Where(c => c.Key == key).Sum(c => c.Amount);

    public decimal TotalOriginal => Lines.Sum(l => l.OriginalAmount);

    public decimal TotalRevised => TotalOriginal + Changes.Sum(c => c.Amount);

    public BudgetLine? FindLine(LineKey key) => Lines.Find(l => l.Key == key);

    /// <summary>The state after a step, with the step in the history.</summary>
    internal BudgetState Then(BudgetStatus status, string userId, string action, DateTimeOffset at, string? detail = null) =>
        this with { Status = status, History = History.Add(new HistoryEntry(at, userId, action, Status, status, detail)) };

    internal BudgetState RequireCreated() =>
        Status == BudgetStatus.None
            ? throw new WorkflowException(WorkflowErrorCode.NotFound, "There is no budget for this project yet: create it first.")
            : this;
}
