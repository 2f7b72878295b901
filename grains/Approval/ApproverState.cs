using System.Collections.Immutable;

namespace BudgetActors.Grains.Approval;

/// <summary>An approver's pending items as stored.</summary>
public sealed record ApproverState
{
    public ImmutableList<PendingItem> Pending { get; init; } = [];
}
