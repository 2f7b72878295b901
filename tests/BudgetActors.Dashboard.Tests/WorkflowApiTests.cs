using System.Globalization;
using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

/// <summary>The Workflow page's figures over HTTP (<c>api/workflow</c> and its stream).</summary>
public sealed class WorkflowApiTests
{
    private static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Budgets_by_status_pending_approvals_with_their_wait_todays_summaries_and_recent_history_across_companies()
    {
        await using var silo = await DashboardSilo.StartAsync();
        await silo.SetUpCompanyAsync("acme", "001", ("tower-7", "24-001"), ("tower-8", "24-002"), ("tower-9", "24-003"));
        await silo.SetUpCompanyAsync("globex", "002");
        await silo.SendBudgetAsync("acme", "tower-9");
        await silo.SendBudgetAsync("acme", "tower-8");
        await silo.SendBudgetAsync("acme", "tower-7");
        await silo.AcceptAsync("acme", "tower-7");

        // Summaries as approvers record them: the company's local today, and yesterday.
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, s_chicago).DateTime);
        await silo.AsAsync("acme", "system:approver", async () =>
        {
            var activity = silo.Grains.GetGrain<ICompanyActivityGrain>("acme");
            await activity.RecordDailySummaryAsync(new DailySummarySent("ap1", today.AddDays(-1), now.AddDays(-1), 3));
            await activity.RecordDailySummaryAsync(new DailySummarySent("ap1", today, now, 2));
        });

        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var stream = await LiveStream.OpenAsync(http, "workflow");
        var sample = await stream.UntilAsync(s => Budgets(s, "acme").GetProperty("synced").GetInt32() == 1);

        var acme = Budgets(sample, "acme");
        Assert.Equal((0, 0, 2, 0, 1, 0, 3), (
            acme.GetProperty("unlocked").GetInt32(), acme.GetProperty("locked").GetInt32(), acme.GetProperty("pendingAcceptance").GetInt32(),
            acme.GetProperty("exporting").GetInt32(), acme.GetProperty("synced").GetInt32(), acme.GetProperty("exportFailed").GetInt32(),
            acme.GetProperty("total").GetInt32()));
        Assert.Equal(0, Budgets(sample, "globex").GetProperty("total").GetInt32());

        var pending = sample.GetProperty("pendingApprovals").EnumerateArray().ToList();
        Assert.Equal(["tower-9", "tower-8"], pending.Select(p => p.GetProperty("projectId").GetString()));
        Assert.All(pending, p => Assert.Equal(("pm", 1, 465_500.50m), (p.GetProperty("sentBy").GetString(), p.GetProperty("submission").GetInt32(), p.GetProperty("total").GetDecimal())));
        var waited = pending[0].GetProperty("waitedSeconds").GetDouble();
        Assert.True(waited >= pending[1].GetProperty("waitedSeconds").GetDouble());
        var since = DateTimeOffset.Parse(pending[0].GetProperty("waitingSince").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal((DateTimeOffset.Parse(sample.GetProperty("at").GetString()!, CultureInfo.InvariantCulture) - since).TotalSeconds, waited, 0.001);

        var summary = Assert.Single(sample.GetProperty("dailySummariesToday").EnumerateArray());
        Assert.Equal(("acme", "ap1", 2), (summary.GetProperty("companyId").GetString(), summary.GetProperty("approverId").GetString(), summary.GetProperty("items").GetInt32()));

        var latest = sample.GetProperty("recentEvents")[0];
        Assert.Equal(
            ("acme", "tower-7", "system:erp-gateway", "Exported", "Exporting", "Synced"),
            (latest.GetProperty("companyId").GetString(), latest.GetProperty("projectId").GetString(), latest.GetProperty("userId").GetString(),
                latest.GetProperty("action").GetString(), latest.GetProperty("from").GetString(), latest.GetProperty("to").GetString()));

        // The wait grows with the silo's clock, sample after sample.
        var next = await stream.UntilAsync(s => s.GetProperty("pendingApprovals")[0].GetProperty("waitedSeconds").GetDouble() > waited);
        Assert.Equal("tower-9", next.GetProperty("pendingApprovals")[0].GetProperty("projectId").GetString());

        using var answer = JsonDocument.Parse(await http.GetStringAsync("api/workflow", Ct));
        Assert.Equal(2, answer.RootElement.GetProperty("budgets").GetArrayLength());
    }

    [Fact]
    public async Task The_page_gets_the_hundred_longest_waiting_approvals_and_the_counts_of_them_all()
    {
        await using var silo = await DashboardSilo.StartAsync();
        var projects = Enumerable.Range(0, 101).Select(p => ($"p-{p:000}", $"J-{p:000}")).ToArray();
        await silo.SetUpCompanyAsync("acme", "001", projects);
        foreach (var (project, _) in projects)
        {
            await silo.SendBudgetAsync("acme", project);
        }

        using var http = silo.NewHttpClient();
        await silo.LogInAsync(http);
        using var answer = JsonDocument.Parse(await http.GetStringAsync("api/workflow", Ct));

        Assert.Equal(101, Budgets(answer.RootElement, "acme").GetProperty("pendingAcceptance").GetInt32());
        var pending = answer.RootElement.GetProperty("pendingApprovals").EnumerateArray().Select(p => p.GetProperty("projectId").GetString()).ToList();
        Assert.Equal(projects.Take(100).Select(p => p.Item1), pending);
    }

    private static JsonElement Budgets(JsonElement sample, string company) =>
        sample.GetProperty("budgets").EnumerateArray().Single(c => c.GetProperty("companyId").GetString() == company);
}
