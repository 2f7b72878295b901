using BudgetActors.Grains.Notifications;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Grains.Approval;

/// <summary>
/// The items one accounting approver can act on, and their "ERP Integrations Daily Summary". Budgets keep
/// the list up to date (as the workflow, not as a user). While items wait, a reminder brings the grain
/// back at the company's local digest time each day; it goes when the list empties. Each summary sent is
/// recorded in the company's activity.
/// </summary>
[GrainType("approver")]
public sealed class ApproverGrain(
    [PersistentState("approver")] IPersistentState<ApproverState> approver,
    INotificationOutbox outbox,
    TimeProvider time,
    ILogger<ApproverGrain> logger) : Grain, IApproverGrain, IRemindable
{
    private const string DigestReminder = "daily-summary";

    private string CompanyId => this.GetPrimaryKeyString().Split(':')[0];

    private string UserId => this.GetPrimaryKeyString().Split(':')[1];

    /// <summary>
    /// How often the reminder looks in while items wait. Orleans skips ticks missed while no silo held the
    /// reminder, so the summary is not tied to one daily tick: every tick (and every activation) sends the
    /// latest summary that is due and not yet sent, decided from the persisted last day summarised.
    /// </summary>
    public static readonly TimeSpan DigestCheckPeriod = TimeSpan.FromHours(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await HandOverNotificationsAsync();
        if (approver.State.Pending.IsEmpty)
        {
            return;
        }

        await EnsureDigestScheduledAsync();
        await SendDueDigestAsync(time.GetUtcNow());
    }

    /// <summary>Puts back a reminder lost with its silo (or never registered) while items wait.</summary>
    private async Task EnsureDigestScheduledAsync()
    {
        if (await this.GetReminder(DigestReminder) is null && await CompanySettingsAsync() is { } settings)
        {
            await ScheduleDigestAsync(settings, time.GetUtcNow());
        }
    }

    public async Task AddPendingAsync(PendingItem item)
    {
        Callers.RequireSystem(CompanyId, "Adding an item to an approver's list");
        var wasEmpty = approver.State.Pending.IsEmpty;
        await SaveAsync(approver.State with { Pending = approver.State.Pending.RemoveAll(p => p.ProjectId == item.ProjectId).Add(item) });
        if (wasEmpty && await CompanySettingsAsync() is { } settings)
        {
            await ScheduleDigestAsync(settings, time.GetUtcNow());
        }
    }

    public async Task RemovePendingAsync(string projectId, int submission)
    {
        Callers.RequireSystem(CompanyId, "Removing an item from an approver's list");
        var pending = approver.State.Pending.RemoveAll(p => p.ProjectId == projectId && p.Submission <= submission);
        if (pending.Count == approver.State.Pending.Count)
        {
            return;
        }

        await SaveAsync(approver.State with { Pending = pending });
        if (pending.IsEmpty && await this.GetReminder(DigestReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<IReadOnlyList<PendingItem>> GetPendingAsync()
    {
        RequireSelf();
        return Task.FromResult<IReadOnlyList<PendingItem>>(approver.State.Pending);
    }

    public Task AddFailedAsync(FailedExport failed)
    {
        Callers.RequireSystem(CompanyId, "Listing a failed export");
        return SaveAsync(approver.State with { Failed = approver.State.Failed.RemoveAll(f => f.ProjectId == failed.ProjectId).Add(failed) });
    }

    public async Task RemoveFailedAsync(string projectId, int submission)
    {
        Callers.RequireSystem(CompanyId, "Taking a failed export off the list");
        var failed = approver.State.Failed.RemoveAll(f => f.ProjectId == projectId && f.Submission <= submission);
        if (failed.Count != approver.State.Failed.Count)
        {
            await SaveAsync(approver.State with { Failed = failed });
        }
    }

    public Task<IReadOnlyList<FailedExport>> GetFailedAsync()
    {
        RequireSelf();
        return Task.FromResult<IReadOnlyList<FailedExport>>(approver.State.Failed);
    }

    private void RequireSelf()
    {
        var caller = Callers.Require(CompanyId);
        if (!Callers.IsSystem(caller) && caller.UserId != UserId)
        {
            throw new WorkflowException(WorkflowErrorCode.PermissionDenied, $"{caller.UserId} cannot read the ERP Integrations lists of {UserId}.");
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DigestReminder ? SendDueDigestAsync(time.GetUtcNow()) : Task.CompletedTask;

    /// <summary>
    /// Sends the summary of the latest local day whose digest time has passed, unless that day (or a later
    /// one) was summarised already or nothing was waiting at that time. Safe to run at any moment, any number
    /// of times: a retried tick, a restart after the summary or a second activation find the day done.
    /// </summary>
    private async Task SendDueDigestAsync(DateTimeOffset now)
    {
        if (approver.State.Pending.IsEmpty || await CompanySettingsAsync() is not { } settings)
        {
            if (await this.GetReminder(DigestReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var zone = Zone(settings);
        var day = DigestSchedule.LatestDueDay(now, zone, settings.DigestTime);
        if (approver.State.LastDigestDay >= day)
        {
            return; // never two for one day
        }

        var dueAt = DigestSchedule.DueAt(day, zone, settings.DigestTime);
        if (!approver.State.Pending.Any(p => p.WaitingSince <= dueAt))
        {
            return; // everything arrived after that day's digest time: its first summary is the next one
        }

        CompanyUser? me;
        using (Callers.AsSystem(CompanyId, "approver"))
        {
            me = await GrainFactory.GetGrain<ICompanyGrain>(CompanyId).FindUserAsync(UserId);
        }

        if (me is not { SubscribedToDigest: true, IsAccountingApprover: true })
        {
            return;
        }

        var digest = Notices.DailySummary(CompanyId, me, day, approver.State.Pending, zone, now);
        await SaveAsync(approver.State with { LastDigestDay = day, Outbox = approver.State.Outbox.Add(digest) });
        await HandOverNotificationsAsync();
        await RecordDailySummaryAsync(new DailySummarySent(UserId, day, now, approver.State.Pending.Count));
    }

    /// <summary>
    /// Records the summary in the company's activity, for operators. It is sent by then: failing to record it
    /// must not fail the reminder tick (which would only find the day done).
    /// </summary>
    private async Task RecordDailySummaryAsync(DailySummarySent summary)
    {
        try
        {
            using (Callers.AsSystem(CompanyId, "approver"))
            {
                await GrainFactory.GetGrain<ICompanyActivityGrain>(CompanyId).RecordDailySummaryAsync(summary);
            }
        }
        catch (Exception exception)
        {
            WorkflowLog.DailySummaryNotRecorded(logger, exception, this.GetPrimaryKeyString(), summary.Day);
        }
    }

    /// <summary>Ticks from the next digest time on, every <see cref="DigestCheckPeriod"/>.</summary>
    private async Task ScheduleDigestAsync(CompanySettings settings, DateTimeOffset now)
    {
        var first = DigestSchedule.NextAfter(now, Zone(settings), settings.DigestTime);
        await this.RegisterOrUpdateReminder(DigestReminder, first - now, DigestCheckPeriod);
    }

    private async Task<CompanySettings?> CompanySettingsAsync()
    {
        using (Callers.AsSystem(CompanyId, "approver"))
        {
            return (await GrainFactory.GetGrain<ICompanyGrain>(CompanyId).GetAsync()).Settings;
        }
    }

    private async Task HandOverNotificationsAsync()
    {
        if (!approver.State.Outbox.IsEmpty)
        {
            await outbox.AddAsync(approver.State.Outbox, CancellationToken.None);
            await SaveAsync(approver.State with { Outbox = [] });
        }
    }

    private Task SaveAsync(ApproverState state)
    {
        approver.State = state;
        return approver.WriteStateAsync();
    }

    private static TimeZoneInfo Zone(CompanySettings settings) => TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
}
