namespace BudgetActors.Runtime;

/// <summary>
/// One page of the reminders an operator asked for, with how many match in all, so a pager can say
/// "page 2 of 7" without reading every row.
/// </summary>
public sealed record ReminderPage(IReadOnlyList<ReminderEntry> Entries, int Total);
