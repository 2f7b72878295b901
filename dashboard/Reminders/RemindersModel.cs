namespace BudgetActors.Dashboard.Reminders;

/// <summary>What the Reminders page shows: one page of the reminders that match the operator's search.</summary>
/// <param name="Search">The search applied (trimmed and capped), so the page shows what was really asked.</param>
/// <param name="Page">The page shown, from 1; a page past the last one shows the last one.</param>
/// <param name="PageCount">At least 1, so an empty list still reads "page 1 of 1".</param>
/// <param name="Total">How many reminders match the search, on every page.</param>
internal sealed record RemindersModel(
    DateTimeOffset At,
    string Search,
    int Page,
    int PageSize,
    int PageCount,
    int Total,
    IReadOnlyList<ReminderRow> Reminders);

/// <summary>One reminder: whose it is, how often it ticks, when it ticks next and last did, and who is delivering it.</summary>
/// <param name="LeaseHolder">The silo delivering a tick now, while its lease lasts; null when none is.</param>
/// <param name="Overdue">Due more than two poll intervals ago and not yet delivered.</param>
internal sealed record ReminderRow(
    string GrainType,
    string GrainKey,
    string Name,
    double PeriodSeconds,
    DateTimeOffset NextDue,
    DateTimeOffset? LastDelivered,
    string? LeaseHolder,
    bool Overdue);
