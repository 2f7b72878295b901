namespace BudgetActors.Grains.Notifications;

/// <summary>
/// An email the workflow owes someone. Its key names what it is about (the rejection of submission 2 of
/// a budget, one approver's summary for one day), so however often it is handed over, it goes out once.
/// </summary>
public sealed record Notification(string Key, IReadOnlyList<string> To, string Subject, string Body, DateTimeOffset CreatedAt);
