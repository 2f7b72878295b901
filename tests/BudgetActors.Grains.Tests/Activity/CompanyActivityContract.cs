using BudgetActors.Erp;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// The company's activity, the read model the operator dashboard shows, as the workflow keeps it: in memory
/// or in PostgreSQL.
/// </summary>
public abstract class CompanyActivityContract : IAsyncLifetime
{
    private static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    protected WorkflowSilo Silo { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync() => Silo.DisposeAsync();

    [Fact]
    public async Task A_budgets_status_follows_it_through_lock_send_accept_and_synced()
    {
        WorkflowSilo.ActAs("pm");
        var budget = Silo.Budget();
        await budget.CreateAsync();
        await budget.AddLineAsync(Budgets.Concrete);
        Assert.Equal(Counts((BudgetStatus.Unlocked, 1)), (await ActivityAsync()).BudgetsByStatus);

        await budget.AddLineAsync(Budgets.Steel);
        await budget.LockAsync();
        Assert.Equal(Counts((BudgetStatus.Locked, 1)), (await ActivityAsync()).BudgetsByStatus);

        await Silo.AdvanceAsync(TimeSpan.FromMinutes(5));
        var sentAt = Silo.Time.GetUtcNow();
        await budget.SendAsync();
        var sent = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.PendingAcceptance, 1)), sent.BudgetsByStatus);
        Assert.Equal([new PendingItem(WorkflowSilo.Company, WorkflowSilo.Project, 1, 465_500.50m, "pm", sentAt)], sent.PendingApprovals);

        await Silo.AdvanceAsync(TimeSpan.FromHours(2));
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);

        var synced = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.Synced, 1)), synced.BudgetsByStatus);
        Assert.Empty(synced.PendingApprovals);
        Assert.Empty(synced.FailedToExport);
        Assert.Equal(
            ["Exported", "Accepted", "Sent to ERP Integrations", "Locked", "Line added", "Line added", "Created"],
            synced.RecentEvents.Select(e => e.Entry.Action));
        Assert.All(synced.RecentEvents, e => Assert.Equal(WorkflowSilo.Project, e.ProjectId));
    }

    [Fact]
    public async Task An_export_the_erp_refuses_is_listed_under_failed_to_export_with_its_error_until_it_is_retried()
    {
        var budget = await Silo.SentBudgetAsync();
        var refusal = new ErpError("I", "Phase 05-100 is closed", "Phase");
        Silo.Erp.FailNextCall(new ErpException(refusal, isTransient: false));
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        Assert.Equal(BudgetStatus.ExportFailed, (await WorkflowSilo.ExportedAsync(budget)).Status);

        var failed = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.ExportFailed, 1)), failed.BudgetsByStatus);
        Assert.Equal([new FailedExport(WorkflowSilo.Company, WorkflowSilo.Project, 1, 465_500.50m, "pm", refusal, Silo.Time.GetUtcNow())], failed.FailedToExport);
        Assert.Equal(("Export failed", BudgetStatus.ExportFailed, refusal.ToString()), (failed.RecentEvents[0].Entry.Action, failed.RecentEvents[0].Entry.To, failed.RecentEvents[0].Entry.Detail));

        WorkflowSilo.ActAs("ap2");
        await budget.RetryExportAsync(1);
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        var retried = await ActivityAsync();
        Assert.Empty(retried.FailedToExport);
        Assert.Equal(Counts((BudgetStatus.Synced, 1)), retried.BudgetsByStatus);
    }

    [Fact]
    public async Task Pending_approvals_keep_the_time_each_was_sent_the_longest_waiting_first_and_leave_when_decided()
    {
        await Silo.AddProjectAsync("tower-8", "24-002", Silo.Erp);
        await Silo.AddProjectAsync("tower-9", "24-003", Silo.Erp);
        var sentAt = new List<DateTimeOffset>();
        foreach (var project in new[] { "tower-9", WorkflowSilo.Project, "tower-8" })
        {
            sentAt.Add(Silo.Time.GetUtcNow());
            await Silo.SentBudgetAsync(project);
            await Silo.AdvanceAsync(TimeSpan.FromMinutes(30));
        }

        var pending = (await ActivityAsync()).PendingApprovals;
        Assert.Equal(["tower-9", WorkflowSilo.Project, "tower-8"], pending.Select(p => p.ProjectId));
        Assert.Equal(sentAt, pending.Select(p => p.WaitingSince));

        WorkflowSilo.ActAs("ap1");
        await Silo.Budget(WorkflowSilo.Project).RejectAsync(1, "Steel is over the bid");
        var left = await ActivityAsync();
        Assert.Equal(["tower-9", "tower-8"], left.PendingApprovals.Select(p => p.ProjectId));
        Assert.Equal(Counts((BudgetStatus.PendingAcceptance, 2), (BudgetStatus.Unlocked, 1)), left.BudgetsByStatus);
    }

    [Fact]
    public async Task Each_daily_summary_sent_is_recorded_once_with_its_local_day_and_the_items_it_listed()
    {
        // Sent on Monday 2 March 2026, 09:00 in Chicago: Tuesday's summary goes at 07:00 local (13:00 UTC).
        await Silo.SentBudgetAsync();
        var due = new DateTimeOffset(2026, 3, 3, 7, 0, 0, s_chicago.GetUtcOffset(new DateTime(2026, 3, 3, 7, 0, 0)));
        await Silo.AdvanceAsync(due - Silo.Time.GetUtcNow());

        CompanyActivityView activity = null!;
        await WorkflowSilo.UntilAsync(async () => (activity = await ActivityAsync()).DailySummaries.Count > 0);

        // ap2 approves too but does not subscribe to the summary.
        Assert.Equal([new DailySummarySent("ap1", new DateOnly(2026, 3, 3), due, 1)], activity.DailySummaries);

        // The workflow repeating itself (a retried reminder tick) changes nothing.
        using (AsWorkflow("approver"))
        {
            await SiloActivity().RecordDailySummaryAsync(new DailySummarySent("ap1", new DateOnly(2026, 3, 3), due.AddMinutes(1), 1));
        }

        Assert.Single((await ActivityAsync()).DailySummaries);
    }

    [Fact]
    public async Task Daily_summaries_of_the_last_seven_local_days_are_kept()
    {
        var first = new DateOnly(2026, 3, 1);
        for (var day = 0; day < 10; day++)
        {
            var at = new DateTimeOffset(first.AddDays(day).ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
            using (AsWorkflow("approver"))
            {
                await SiloActivity().RecordDailySummaryAsync(new DailySummarySent("ap1", first.AddDays(day), at, 2));
            }
        }

        var kept = (await ActivityAsync()).DailySummaries;
        Assert.Equal(Enumerable.Range(3, 7).Select(d => first.AddDays(d)).Reverse(), kept.Select(s => s.Day));
    }

    [Fact]
    public async Task Recent_events_are_the_latest_fifty_steps_of_the_companys_budgets_the_latest_first()
    {
        WorkflowSilo.ActAs("pm");
        var budget = Silo.Budget();
        await budget.CreateAsync();
        for (var line = 0; line < 60; line++)
        {
            await budget.AddLineAsync(new BudgetLine($"L-{line:00}", "L", "Labour", 100m + line));
        }

        await Silo.AddProjectAsync("tower-8", "24-002", Silo.Erp);
        WorkflowSilo.ActAs("pm");
        await Silo.Budget("tower-8").CreateAsync();

        var events = (await ActivityAsync()).RecentEvents;
        Assert.Equal(50, events.Count);
        Assert.Equal(("tower-8", "Created"), (events[0].ProjectId, events[0].Entry.Action));
        Assert.Equal(
            Enumerable.Range(11, 49).Reverse().Select(line => $"L-{line:00}/L {100m + line:N2}"),
            events.Skip(1).Select(e => e.Entry.Detail));
    }

    [Fact]
    public async Task A_report_older_than_the_one_held_changes_nothing_and_the_next_report_brings_the_steps_of_a_lost_one()
    {
        var at = Silo.Time.GetUtcNow();
        HistoryEntry Step(int n) => new(at, "pm", $"step {n}", BudgetStatus.Unlocked, BudgetStatus.Unlocked);
        BudgetActivity Report(int version, BudgetStatus status, params int[] steps) =>
            new("tower-8", version, status, at, 0, 10m, null, null, [.. steps.Select(Step)]);

        using (AsWorkflow("budget"))
        {
            await SiloActivity().RecordBudgetAsync(Report(2, BudgetStatus.Unlocked, 1, 2));
            // Report 3 is lost; report 4 carries the steps since the last one acknowledged.
            await SiloActivity().RecordBudgetAsync(Report(4, BudgetStatus.Locked, 3, 4));
            // A repeated report and an overtaken one.
            await SiloActivity().RecordBudgetAsync(Report(4, BudgetStatus.Locked, 3, 4));
            await SiloActivity().RecordBudgetAsync(Report(3, BudgetStatus.Unlocked, 3));
        }

        var activity = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.Locked, 1)), activity.BudgetsByStatus);
        Assert.Equal(["step 4", "step 3", "step 2", "step 1"], activity.RecentEvents.Select(e => e.Entry.Action));
    }

    [Fact]
    public async Task A_report_that_fails_does_not_fail_the_users_change_and_the_budgets_next_report_repairs_the_activity()
    {
        // Another writer takes the row the activity would give its first project: its write of that row fails.
        await ActivityAsync();
        var planted = new BudgetActivity("planted", 1, BudgetStatus.Unlocked, Silo.Time.GetUtcNow(), 0, 0m, null, null, []);
        await Silo.Storage.WriteStateAsync("project-0", GrainId.Create("company-activity", WorkflowSilo.Company), new StoredState<BudgetActivity>(planted), TestContext.Current.CancellationToken);

        WorkflowSilo.ActAs("pm");
        var budget = Silo.Budget();
        await budget.CreateAsync();
        Assert.Equal(BudgetStatus.Unlocked, (await budget.GetAsync()).Status);
        Assert.Equal(Counts((BudgetStatus.Unlocked, 1)), (await ActivityAsync()).BudgetsByStatus);

        WorkflowSilo.ActAs("pm");
        await budget.AddLineAsync(Budgets.Concrete);

        var repaired = await ActivityAsync();
        Assert.Equal(Counts((BudgetStatus.Unlocked, 2)), repaired.BudgetsByStatus);
        Assert.Equal(["Line added", "Created"], repaired.RecentEvents.Select(e => e.Entry.Action));
    }

    [Fact]
    public async Task Users_cannot_write_to_or_read_a_companys_activity_or_the_registry_nor_can_another_companys_workflow()
    {
        await Silo.SentBudgetAsync();
        var forged = new BudgetActivity(WorkflowSilo.Project, 99, BudgetStatus.Synced, DateTimeOffset.UnixEpoch, 1, 1m, "admin", null, []);
        var summary = new DailySummarySent("admin", new DateOnly(2026, 3, 2), DateTimeOffset.UnixEpoch, 0);
        var registry = Silo.Client.GetGrain<ICompanyRegistryGrain>(CompanyRegistry.Key);

        WorkflowSilo.ActAs("admin");
        await Refused(() => Activity().RecordBudgetAsync(forged));
        await Refused(() => Activity().RecordDailySummaryAsync(summary));
        await Refused(() => Activity().GetAsync());
        await Refused(() => registry.JoinAsync("acme-2"));
        await Refused(() => registry.ListAsync());
        using (Silo.InSilo(new CallerIdentity("globex", "system:budget")))
        {
            await Refused(() => SiloActivity().RecordBudgetAsync(forged));
        }

        Assert.Equal(Counts((BudgetStatus.PendingAcceptance, 1)), (await ActivityAsync()).BudgetsByStatus);
        Assert.Equal([WorkflowSilo.Company], await CompaniesAsync());
    }

    [Fact]
    public async Task The_registry_lists_each_company_once_from_its_first_configuration()
    {
        Assert.Equal([WorkflowSilo.Company], await CompaniesAsync());

        await Silo.SetUpCompanyAsync("globex", ErpSystem.Vista, "1");
        await Silo.SetUpCompanyAsync(WorkflowSilo.Company, ErpSystem.Spectrum, "001");

        Assert.Equal([WorkflowSilo.Company, "globex"], await CompaniesAsync());
    }

    [Fact]
    public async Task A_company_with_activity_but_no_configuration_is_listed_too()
    {
        using (AsWorkflow("budget", "initech"))
        {
            await SiloActivity("initech").RecordBudgetAsync(new BudgetActivity("p-1", 1, BudgetStatus.Unlocked, DateTimeOffset.UnixEpoch, 0, 0m, null, null, []));
        }

        Assert.Equal([WorkflowSilo.Company, "initech"], await CompaniesAsync());
    }

    protected static IReadOnlyDictionary<BudgetStatus, int> Counts(params (BudgetStatus Status, int Budgets)[] counts) =>
        counts.ToDictionary(c => c.Status, c => c.Budgets);

    /// <summary>
    /// Until disposed, calls through the silo's grain factory (<see cref="SiloActivity"/>) act as the workflow
    /// itself (<c>system:</c><paramref name="part"/>): only code inside the silo can.
    /// </summary>
    protected IDisposable AsWorkflow(string part, string company = WorkflowSilo.Company) =>
        Silo.InSilo(new CallerIdentity(company, "system:" + part));

    /// <summary>The company's activity as a client app reaches it.</summary>
    protected ICompanyActivityGrain Activity(string company = WorkflowSilo.Company) => Silo.Client.GetGrain<ICompanyActivityGrain>(company);

    /// <summary>The company's activity as the silo's own code reaches it.</summary>
    protected ICompanyActivityGrain SiloActivity(string company = WorkflowSilo.Company) => Silo.SiloGrains.GetGrain<ICompanyActivityGrain>(company);

    /// <summary>The company's activity as the operator dashboard (inside the silo) reads it.</summary>
    protected async Task<CompanyActivityView> ActivityAsync(string company = WorkflowSilo.Company)
    {
        using (AsWorkflow("dashboard", company))
        {
            return await SiloActivity(company).GetAsync();
        }
    }

    protected async Task<IReadOnlyList<string>> CompaniesAsync()
    {
        using (AsWorkflow("dashboard", CompanyRegistry.Key))
        {
            return await Silo.SiloGrains.GetGrain<ICompanyRegistryGrain>(CompanyRegistry.Key).ListAsync();
        }
    }

    private static async Task Refused(Func<Task> call) =>
        Assert.Equal(WorkflowErrorCode.PermissionDenied, (await Assert.ThrowsAsync<WorkflowException>(call)).Code);
}
