using BudgetActors.GrainInterfaces;

namespace BudgetActors.Dashboard.Workflow;

/// <summary>
/// The Workflow page's figures: budgets by status per company, the pending approvals with how long each has
/// waited (against the silo's clock), the daily summaries sent on each company's local today, and the latest
/// history steps of every company.
/// </summary>
internal sealed class WorkflowPage(CompanyReader companies, TimeProvider time)
{
    private const int RecentEventsShown = 50;

    // A page of rows pushed every second stays readable and small; the counts table has every pending budget.
    private const int PendingApprovalsShown = 100;

    public async Task<WorkflowModel> ReadAsync(CancellationToken cancellationToken)
    {
        var readings = await companies.ReadAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return new WorkflowModel(
            now,
            [.. readings.Select(r => Counts(r.Activity))],
            [.. readings.SelectMany(r => r.Activity.PendingApprovals)
                .OrderBy(p => p.WaitingSince)
                .Take(PendingApprovalsShown)
                .Select(p => new PendingApprovalRow(p.CompanyId, p.ProjectId, p.Submission, p.SentBy, p.Total, p.WaitingSince, (now - p.WaitingSince).TotalSeconds))],
            [.. readings.SelectMany(r => SentToday(r, now)).OrderByDescending(s => s.SentAt)],
            // Stable: steps of one moment keep the order their company gave them (the latest first).
            [.. readings.SelectMany(r => r.Activity.RecentEvents.Select(e => new HistoryEventRow(
                    e.Entry.At, r.Company.CompanyId, e.ProjectId, e.Entry.UserId, e.Entry.Action, Label(e.Entry.From), Label(e.Entry.To), e.Entry.Detail)))
                .OrderByDescending(e => e.At)
                .Take(RecentEventsShown)]);
    }

    private static CompanyBudgetCounts Counts(CompanyActivityView activity)
    {
        int Of(BudgetStatus status) => activity.BudgetsByStatus.GetValueOrDefault(status);
        return new CompanyBudgetCounts(
            activity.CompanyId,
            Of(BudgetStatus.Unlocked),
            Of(BudgetStatus.Locked),
            Of(BudgetStatus.PendingAcceptance),
            Of(BudgetStatus.Exporting),
            Of(BudgetStatus.Synced),
            Of(BudgetStatus.ExportFailed),
            activity.BudgetsByStatus.Values.Sum());
    }

    /// <summary>The summaries sent for the company's local today (UTC for a company not configured yet).</summary>
    private static IEnumerable<DailySummaryRow> SentToday(CompanyReading reading, DateTimeOffset now)
    {
        var zone = reading.Company.Settings is { } settings && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var found)
            ? found
            : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return reading.Activity.DailySummaries
            .Where(s => s.Day == today)
            .Select(s => new DailySummaryRow(reading.Company.CompanyId, s.ApproverId, s.SentAt, s.Items));
    }

    private static string Label(BudgetStatus status) => status switch
    {
        BudgetStatus.None => "",
        BudgetStatus.PendingAcceptance => "Pending acceptance",
        BudgetStatus.ExportFailed => "Export failed",
        _ => status.ToString(),
    };
}
