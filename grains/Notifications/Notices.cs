using System.Globalization;
using System.Text;

namespace BudgetActors.Grains.Notifications;

/// <summary>The emails of the workflow, in the words of the seed pages.</summary>
internal static class Notices
{
    public const string DailySummarySubject = "ERP Integrations Daily Summary";

    /// <summary>To the budget's creator and its sender when an approver rejects it.</summary>
    public static Notification Rejected(string budgetKey, string projectId, int submission, CompanyUser approver, string reason, IEnumerable<string> to, DateTimeOffset at) => new(
        $"rejected:{budgetKey}#{submission}",
        [.. to.Distinct(StringComparer.OrdinalIgnoreCase)],
        $"Budget for project {projectId} was rejected",
        $"""
        {approver.Name} rejected the budget of project {projectId} in ERP Integrations on {at.ToString("u", CultureInfo.InvariantCulture)}.

        Reason: {reason}

        The budget is editable again in the Budget tool: correct it, lock it and send it to ERP Integrations again.
        """,
        at);

    /// <summary>To the sender when the ERP refuses an export.</summary>
    public static Notification ExportFailed(string budgetKey, string projectId, int submission, ErpError error, string to, DateTimeOffset at) => new(
        $"export-failed:{budgetKey}#{submission}@{at.UtcTicks}",
        [to],
        $"Budget for project {projectId} failed to export",
        $"""
        The ERP refused the export of the budget of project {projectId} on {at.ToString("u", CultureInfo.InvariantCulture)}.

        ERP error: {error.Code} - {error.Text}{(error.Column is null ? "" : $" (column {error.Column})")}

        The budget is listed under Failed to Export in ERP Integrations, where an accounting approver can retry the export or reject it so that it can be fixed.
        """,
        at);

    /// <summary>To an approver subscribed to the digest, once per local day while items wait.</summary>
    public static Notification DailySummary(string companyId, CompanyUser approver, DateOnly day, IReadOnlyList<PendingItem> items, TimeZoneInfo zone, DateTimeOffset at)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{items.Count} {(items.Count == 1 ? "budget awaits" : "budgets await")} acceptance in ERP Integrations:")
            .AppendLine();
        foreach (var item in items.OrderBy(i => i.WaitingSince))
        {
            var since = TimeZoneInfo.ConvertTime(item.WaitingSince, zone);
            body.AppendLine(CultureInfo.InvariantCulture, $"- Project {item.ProjectId}: {item.Total.ToString("C2", CultureInfo.GetCultureInfo("en-US"))}, sent by {item.SentBy}, waiting since {since:yyyy-MM-dd HH:mm}");
        }

        body.AppendLine().AppendLine("Accept or reject them in ERP Integrations, under Budgets, Ready to Export.");
        return new Notification($"digest:{companyId}:{approver.UserId}:{day:yyyy-MM-dd}", [approver.Email], DailySummarySubject, body.ToString(), at);
    }
}
