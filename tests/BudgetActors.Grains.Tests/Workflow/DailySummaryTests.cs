using BudgetActors.Grains.Notifications;

namespace BudgetActors.Grains.Tests;

public sealed class DailySummaryTests : MemoryWorkflowTest
{
    private static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task One_summary_per_local_day_at_the_digest_time_while_items_wait_across_a_daylight_saving_change()
    {
        // Sent on Monday 2 March 2026 at 09:00 in Chicago, after that day's 07:00: the first summary is Tuesday's.
        var budget = await Silo.SentBudgetAsync();

        // US daylight saving starts on Sunday 8 March: 07:00 local is 13:00 UTC before, 12:00 UTC after.
        for (var day = new DateOnly(2026, 3, 3); day <= new DateOnly(2026, 3, 10); day = day.AddDays(1))
        {
            var seven = day.ToDateTime(new TimeOnly(7, 0));
            var due = new DateTimeOffset(seven, s_chicago.GetUtcOffset(seven));
            await Silo.AdvanceAsync(due - Silo.Time.GetUtcNow());

            var summary = await SummaryAsync("ap1", day);

            Assert.Equal(due, summary.CreatedAt);
            Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(summary.CreatedAt, s_chicago).DateTime));
        }

        var summaries = await SummariesAsync();
        Assert.Equal(8, summaries.Count);
        Assert.All(summaries, s => Assert.Equal(["alex@acme.test"], s.To)); // ap2 approves but is not subscribed
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), summaries[6].CreatedAt.ToUniversalTime());
        var first = summaries[0];
        Assert.Equal(Notices.DailySummarySubject, first.Subject);
        Assert.StartsWith("1 budget awaits acceptance in ERP Integrations:", first.Body);
        Assert.Contains("- Project tower-7: $465,500.50, sent by pm, waiting since 2026-03-02 09:00", first.Body);

        // Once the item is decided the list is empty: the reminder goes and no more summaries come.
        WorkflowSilo.ActAs("ap2");
        await budget.AcceptAsync(1);
        await Silo.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Equal(8, (await SummariesAsync()).Count);
    }

    private async Task<Notification> SummaryAsync(string approver, DateOnly day)
    {
        var key = $"digest:{WorkflowSilo.Company}:{approver}:{day:yyyy-MM-dd}";
        Notification? found = null;
        await WorkflowSilo.UntilAsync(async () => (found = (await SummariesAsync()).Find(n => n.Key == key)) is not null);
        return found!;
    }

    private async Task<List<Notification>> SummariesAsync() =>
        [.. (await Silo.Outbox.ReadAllAsync(TestContext.Current.CancellationToken))
            .Select(n => n.Notification)
            .Where(n => n.Subject == Notices.DailySummarySubject)];
}
