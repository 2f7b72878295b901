using System.Collections.Immutable;
using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains.Approval;

/// <summary>An approver's pending items as stored.</summary>
public sealed record ApproverState
{
    public ImmutableList<PendingItem> Pending { get; init; } = [];

    public ImmutableList<FailedExport> Failed { get; init; } = [];

    /// <summary>The local day of the last daily summary sent: never two for one day.</summary>
    public DateOnly? LastDigestDay { get; init; }

    /// <summary>Summaries written with the state change and handed to the outbox right after.</summary>
    public ImmutableList<Notification> Outbox { get; init; } = [];
}
