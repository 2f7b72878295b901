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

    public override Task OnActivateAsync(CancellationToken cancellationToken) => HandOverNotificationsAsync();

    public async Task AddPendingAsync(PendingItem item)
    {
        Callers.RequireSystem(CompanyId, "Adding an item to an approver's list");
        var wasEmpty = approver.State.Pending.IsEmpty;
        await SaveAsync(approver.State with { Pending = approver.State.Pending.RemoveAll(p => p.ProjectId == item.ProjectId).Add(item) });
        if (wasEmpty && await CompanySettingsAsync() is { } settings)
        {
            var now = time.GetUtcNow();
            await ScheduleDigestAsync(DigestSchedule.NextAfter(now, Zone(settings), settings.DigestTime), now);
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

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DigestReminder)
        {
            return;
        }

        if (approver.State.Pending.IsEmpty || await CompanySettingsAsync() is not { } settings)
        {
            if (await this.GetReminder(DigestReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var now = time.GetUtcNow();
        var zone = Zone(settings);

        // The next tick is set first, from this tick's own due time, so that a tick handled late (or a
        // digest that fails below and is retried) never moves or skips the schedule.
        await ScheduleDigestAsync(DigestSchedule.NextAfter(status.CurrentTickTime, zone, settings.DigestTime), now);
        try
        {
            await SendDigestAsync(DigestSchedule.LatestDueDay(now, zone, settings.DigestTime), zone, now);
        }
        catch
        {
            await ScheduleDigestAsync(now + TimeSpan.FromMinutes(1), now);
            throw;
        }
    }

    private async Task SendDigestAsync(DateOnly day, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (approver.State.LastDigestDay == day)
        {
            return; // never two for one day
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

    private async Task ScheduleDigestAsync(DateTimeOffset at, DateTimeOffset now)
    {
        var due = at > now ? at - now : TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(DigestReminder, due, TimeSpan.FromDays(1));
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
