using BudgetActors.Erp;
using BudgetActors.Testing;

namespace BudgetActors.Grains.Tests;

/// <summary>The seed pages' export workflows, end to end through the grains, with state in PostgreSQL.</summary>
public sealed class ExportScenarioTests(PostgresFixture postgres) : PostgresWorkflowTest(postgres)
{
    [Fact]
    public async Task Create_lock_send_accept_exports_the_budget_and_it_reads_synced()
    {
        var budget = await Silo.SentBudgetAsync();

        WorkflowSilo.ActAs("ap1");
        var waiting = Assert.Single(await Silo.Approver("ap1").GetPendingAsync());
        Assert.Equal((1, 465_500.50m, "pm"), (waiting.Submission, waiting.Total, waiting.SentBy));
        WorkflowSilo.ActAs("ap2");
        Assert.Single(await Silo.Approver("ap2").GetPendingAsync());

        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(waiting.Submission);
        var view = await WorkflowSilo.ExportedAsync(budget);

        Assert.Equal(BudgetStatus.Synced, view.Status);
        Assert.Empty(await Silo.Approver("ap1").GetPendingAsync());
        Assert.Equal(new ErpPhase("03-300", 125_000m, 125_000m, 0m), Silo.Erp.Phase(WorkflowSilo.Job, "03-300", "M"));
        Assert.Equal(1, Silo.Erp.PostingsApplied);
        Assert.Equal(["Created", "Line added", "Line added", "Locked", "Sent to ERP Integrations", "Accepted", "Exported"], view.History.Select(h => h.Action));
    }

    [Fact]
    public async Task A_rejected_budget_is_edited_sent_again_and_accepted()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("ap2");
        await budget.RejectAsync(1, "Steel is over the bid");
        var notice = Assert.Single(await Silo.Outbox.ReadAllAsync(TestContext.Current.CancellationToken)).Notification;
        Assert.Equal("rejected:acme:tower-7#1", notice.Key);
        Assert.Equal(["pm@acme.test"], notice.To);

        WorkflowSilo.ActAs("pm");
        Assert.Equal(BudgetStatus.Unlocked, (await budget.GetAsync()).Status);
        await budget.UpdateLineAsync(Budgets.Steel with { OriginalAmount = 300_000m });
        await budget.LockAsync();
        await budget.SendAsync();
        WorkflowSilo.ActAs("ap1");
        Assert.Equal(2, Assert.Single(await Silo.Approver("ap1").GetPendingAsync()).Submission);
        await budget.AcceptAsync(2);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(300_000m, Silo.Erp.Phase(WorkflowSilo.Job, "05-100", "S")!.OriginalEstimate);
    }

    [Fact]
    public async Task A_failed_export_is_listed_with_the_erp_error_then_rejected_fixed_and_sent_again()
    {
        var budget = await Silo.SentBudgetAsync();
        Silo.Erp.FailNextCall(new ErpException(new ErpError("I", "Phase 05-100 is closed", "Phase"), isTransient: false));
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);

        var failed = await WorkflowSilo.ExportedAsync(budget);
        Assert.Equal((BudgetStatus.ExportFailed, new ErpError("I", "Phase 05-100 is closed", "Phase")), (failed.Status, failed.LastError));
        Assert.Equal(0, Silo.Erp.PostingsApplied);
        var listed = Assert.Single(await Silo.Approver("ap1").GetFailedAsync());
        Assert.Equal((WorkflowSilo.Project, 1, new ErpError("I", "Phase 05-100 is closed", "Phase")), (listed.ProjectId, listed.Submission, listed.Error));
        WorkflowSilo.ActAs("ap2");
        Assert.Single(await Silo.Approver("ap2").GetFailedAsync());
        WorkflowSilo.ActAs("ap1");

        await budget.RejectAsync(1, "Reopen phase 05-100 in Spectrum first");
        Assert.Empty(await Silo.Approver("ap1").GetFailedAsync());
        WorkflowSilo.ActAs("pm");
        await budget.LockAsync();
        await budget.SendAsync();
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(2);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
    }

    [Fact]
    public async Task A_failed_export_retried_by_an_approver_leaves_the_failed_list_and_goes_through()
    {
        var budget = await Silo.SentBudgetAsync();
        Silo.Erp.FailNextCall(new ErpException(new ErpError("A", "Spectrum is closed for month end", null), isTransient: false));
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        Assert.Equal(BudgetStatus.ExportFailed, (await WorkflowSilo.ExportedAsync(budget)).Status);

        await budget.RetryExportAsync(1);

        Assert.Empty(await Silo.Approver("ap1").GetFailedAsync());
        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal(1, Silo.Erp.PostingsApplied);
    }

    [Fact]
    public async Task An_update_after_sync_exports_only_what_changed()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        await WorkflowSilo.ExportedAsync(budget);

        WorkflowSilo.ActAs("pm");
        await budget.AddChangeAsync(new BudgetChange("BC-1", "05-100", "S", 12_000m, "Extra bracing"));
        await budget.UnlockAsync();
        await budget.LockAsync();
        await budget.SendAsync();
        WorkflowSilo.ActAs("ap2");
        await budget.AcceptAsync(2);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        var update = Silo.Erp.Postings[^1];
        Assert.Equal([new ExportLine("05-100", "S", 340_500.50m, 352_500.50m)], update.Lines);
        Assert.Equal(352_500.50m, Silo.Erp.Phase(WorkflowSilo.Job, "05-100", "S")!.CurrentEstimate);
    }

    [Fact]
    public async Task Budget_changes_to_a_synced_budget_are_sent_as_an_update_without_unlocking()
    {
        var budget = await Silo.SentBudgetAsync();
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        await WorkflowSilo.ExportedAsync(budget);

        WorkflowSilo.ActAs("pm");
        await budget.AddChangeAsync(new BudgetChange("BC-7", "03-300", "M", -2_500m, "Smaller slab"));
        await budget.SendAsync();
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(2);

        Assert.Equal(BudgetStatus.Synced, (await WorkflowSilo.ExportedAsync(budget)).Status);
        Assert.Equal([new ExportLine("03-300", "M", 125_000m, 122_500m)], Silo.Erp.Postings[^1].Lines);
    }

    [Fact]
    public async Task Retrieve_takes_the_budget_back_before_an_approver_acts()
    {
        var budget = await Silo.SentBudgetAsync();

        WorkflowSilo.ActAs("pm");
        await budget.RetrieveAsync();

        Assert.Equal(BudgetStatus.Locked, (await budget.GetAsync()).Status);
        WorkflowSilo.ActAs("ap1");
        Assert.Empty(await Silo.Approver("ap1").GetPendingAsync());
        var late = await Assert.ThrowsAsync<WorkflowException>(() => budget.AcceptAsync(1));
        Assert.Equal(WorkflowErrorCode.AlreadyDecided, late.Code);
    }
}
