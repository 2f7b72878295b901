namespace BudgetActors.Runtime;

/// <summary>
/// Durable reminder storage. Claims are safe with several silos polling the same table at once: a due
/// row is leased to one silo until it completes the tick or the lease runs out.
/// </summary>
public interface IReminderTable
{
    /// <summary>Creates or replaces a reminder; replacing clears any lease and changes the ETag.</summary>
    Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken);

    /// <returns>Whether a row was removed.</returns>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// The service's reminders for operators, ordered by next due time (ties by grain and name, so pages
    /// neither overlap nor skip), with the total that match.
    /// </summary>
    /// <param name="search">
    /// Case-insensitive text each match holds in its grain type, grain key or reminder name, taken
    /// literally (<c>%</c> and <c>_</c> are not wildcards); null or empty matches every reminder.
    /// </param>
    Task<ReminderPage> ReadAllAsync(string? search, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> reminders due at <paramref name="now"/> whose lease is free or
    /// expired, to <paramref name="siloId"/> until <paramref name="leaseUntil"/>. Rows another claimer holds
    /// locked are skipped, never waited for.
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string siloId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a delivered tick: sets the next due time and releases the lease, but only if the row is
    /// still the version that was claimed (a grain that re-registered or removed it meanwhile wins).
    /// </summary>
    /// <returns>Whether the claimed version was still there.</returns>
    Task<bool> CompleteTickAsync(ReminderEntry claimed, DateTimeOffset delivered, DateTimeOffset nextDue, CancellationToken cancellationToken);

    /// <summary>Gives a claimed row back without delivering it, to be retried no earlier than <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(ReminderEntry claimed, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Frees every lease <paramref name="siloId"/> holds (it was declared dead), so the ticks it had
    /// claimed are claimed by live silos at their next poll instead of when the leases run out.
    /// </summary>
    /// <returns>How many leases were freed.</returns>
    Task<int> ReleaseLeasesOfAsync(string siloId, CancellationToken cancellationToken);
}
