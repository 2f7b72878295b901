namespace BudgetActors.Runtime;

/// <summary>
/// One reminder row. <see cref="NextDue"/> drives delivery; a claimed row carries a lease so that only
/// one silo delivers a tick while the lease lasts.
/// </summary>
public sealed record ReminderEntry : IGrainReminder
{
    public required GrainId GrainId { get; init; }

    public required string ReminderName { get; init; }

    /// <summary>When the first tick was (or is) due; later ticks fall on multiples of the period after it.</summary>
    public required DateTimeOffset StartAt { get; init; }

    public required TimeSpan Period { get; init; }

    public required DateTimeOffset NextDue { get; init; }

    /// <summary>When a tick was last delivered successfully, if ever.</summary>
    public DateTimeOffset? LastDelivered { get; init; }

    /// <summary>The silo holding the delivery lease, if any.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Changes on every registration and delivery; a delivery only completes against the version it claimed.</summary>
    public string ETag { get; init; } = "";

    /// <summary>The first due time strictly after <paramref name="now"/> on this reminder's schedule.</summary>
    public DateTimeOffset NextDueAfter(DateTimeOffset now)
    {
        if (now < StartAt)
        {
            return StartAt;
        }

        var periods = ((now - StartAt).Ticks / Period.Ticks) + 1;
        return StartAt + TimeSpan.FromTicks(periods * Period.Ticks);
    }
}
