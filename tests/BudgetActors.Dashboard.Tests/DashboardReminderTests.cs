using System.Net;
using System.Text.Json;
using BudgetActors.Dashboard.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetActors.Dashboard.Tests;

/// <summary>The Reminders page's JSON (<c>api/reminders</c>) over reminders that real grains registered.</summary>
public sealed class DashboardReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_approver_with_items_waiting_shows_its_daily_summary_reminder_due_at_the_next_7_am_in_Chicago()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = await LoggedInAsync(silo);
        var before = DateTimeOffset.UtcNow;
        await silo.AddPendingApprovalsAsync(3);

        var model = await ReadAsync(http, "api/reminders");

        Assert.Equal((1, 1, 3, ReminderListing.PageSize, ""), (model.Page, model.PageCount, model.Total, model.PageSize, model.Search));
        // All three are due at the same 07:00 (give or take the milliseconds between registrations).
        Assert.Equal(["acme:ap-00", "acme:ap-01", "acme:ap-02"], model.Reminders.Select(r => r.GrainKey).Order(StringComparer.Ordinal));
        var chicago = TimeZoneInfo.FindSystemTimeZoneById(DashboardSilo.Settings.TimeZoneId);
        Assert.All(model.Reminders, r =>
        {
            Assert.Equal(("approver", "daily-summary", TimeSpan.FromDays(1).TotalSeconds), (r.GrainType, r.Name, r.PeriodSeconds));
            var local = TimeZoneInfo.ConvertTime(r.NextDue, chicago);
            Assert.Equal((7, 0), (local.Hour, local.Minute));
            Assert.InRange(r.NextDue, before, before.AddDays(1));
            Assert.Equal((null, null, false), (r.LastDelivered, r.LeaseHolder, r.Overdue));
        });
    }

    [Fact]
    public async Task A_search_narrows_the_list_and_its_total_by_grain_type_key_or_name_in_any_case()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = await LoggedInAsync(silo);
        await silo.AddPendingApprovalsAsync(12);

        var one = await ReadAsync(http, "api/reminders?search=AP-07");
        var tens = await ReadAsync(http, "api/reminders?search=ap-1");
        var byName = await ReadAsync(http, "api/reminders?search=Daily-Summary");
        var byType = await ReadAsync(http, "api/reminders?search=%20approver%20");
        var none = await ReadAsync(http, "api/reminders?search=initech");

        Assert.Equal(("AP-07", 1), (one.Search, one.Total));
        Assert.Equal(["acme:ap-07"], one.Reminders.Select(r => r.GrainKey));
        Assert.Equal(["acme:ap-10", "acme:ap-11"], tens.Reminders.Select(r => r.GrainKey).Order(StringComparer.Ordinal));
        Assert.Equal([12, 12, 0], [byName.Total, byType.Total, none.Total]);
        Assert.Equal(("approver", 1), (byType.Search, none.PageCount));
        Assert.Empty(none.Reminders);
    }

    [Fact]
    public async Task Pages_of_fifty_cover_every_reminder_once_and_a_bad_or_past_the_end_page_shows_a_real_one()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = await LoggedInAsync(silo);
        await silo.AddPendingApprovalsAsync(60);

        var first = await ReadAsync(http, "api/reminders");
        var second = await ReadAsync(http, "api/reminders?page=2");

        Assert.Equal((1, 2, 60, 50), (first.Page, first.PageCount, first.Total, first.Reminders.Count));
        Assert.Equal((2, 2, 60, 10), (second.Page, second.PageCount, second.Total, second.Reminders.Count));
        Assert.Equal(
            Enumerable.Range(0, 60).Select(i => $"acme:ap-{i:D2}"),
            first.Reminders.Concat(second.Reminders).Select(r => r.GrainKey).Order(StringComparer.Ordinal));

        foreach (var bad in new[] { "-3", "0", "abc", "1.5", "99999999999" })
        {
            Assert.Equal(first.Reminders, (await ReadAsync(http, "api/reminders?page=" + bad)).Reminders);
        }

        foreach (var pastTheEnd in new[] { "3", "2147483647" })
        {
            var last = await ReadAsync(http, "api/reminders?page=" + pastTheEnd);
            Assert.Equal(2, last.Page);
            Assert.Equal(second.Reminders, last.Reminders);
        }

        var longSearch = await ReadAsync(http, "api/reminders?search=" + new string('a', 500));
        Assert.Equal(ReminderListing.MaxSearchLength, longSearch.Search.Length);
    }

    [Fact]
    public async Task A_reminder_no_silo_delivers_is_overdue_and_one_a_silo_is_delivering_names_that_silo()
    {
        await using var silo = await DashboardSilo.StartAsync();
        using var http = await LoggedInAsync(silo);
        var table = silo.App.Services.GetRequiredService<IReminderTable>();
        var now = DateTimeOffset.UtcNow;

        // Leased as another silo would lease it, from its own clock an hour on: this silo leaves it alone.
        var leased = new GrainId("approver", "acme:ap-leased");
        await table.UpsertAsync(leased, "daily-summary", now.AddMinutes(30), TimeSpan.FromDays(1), Ct);
        Assert.Single(await table.ClaimDueAsync("silo-elsewhere", now.AddHours(1), now.AddHours(2), 1, Ct));

        // Left by a grain type the silos no longer host: every delivery fails, so it stays due.
        await table.UpsertAsync(new GrainId("retired-report", "acme:weekly"), "weekly", now.AddHours(-1), TimeSpan.FromDays(7), Ct);

        var model = await ReadAsync(http, "api/reminders");

        var overdue = model.Reminders[0];
        Assert.Equal(("retired-report", "weekly", true), (overdue.GrainType, overdue.Name, overdue.Overdue));
        Assert.Equal((now.AddHours(-1), TimeSpan.FromDays(7).TotalSeconds), (overdue.NextDue, overdue.PeriodSeconds));
        var held = model.Reminders[1];
        Assert.Equal(("acme:ap-leased", "silo-elsewhere", false), (held.GrainKey, held.LeaseHolder, held.Overdue));
    }

    private static async Task<HttpClient> LoggedInAsync(DashboardSilo silo)
    {
        var http = silo.NewHttpClient();
        Assert.Equal(HttpStatusCode.SeeOther, (await silo.LogInAsync(http)).StatusCode);
        return http;
    }

    private static async Task<RemindersModel> ReadAsync(HttpClient http, string url) =>
        JsonSerializer.Deserialize(await http.GetStringAsync(url, Ct), DashboardJsonContext.Default.RemindersModel)
            ?? throw new InvalidDataException($"{url} answered null.");
}
