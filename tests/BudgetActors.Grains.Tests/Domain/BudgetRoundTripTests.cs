using static BudgetActors.Grains.Tests.Budgets;
using static BudgetActors.Grains.Tests.People;

namespace BudgetActors.Grains.Tests;

public sealed class BudgetRoundTripTests
{
    [Fact]
    public void Create_lock_send_accept_export_reaches_synced_and_records_every_step()
    {
        var budget = Synced();

        Assert.Equal(BudgetStatus.Synced, budget.Status);
        Assert.Equal(("pm", "pm", 1), (budget.CreatedBy, budget.SentBy, budget.Submission));
        Assert.Equal(
            [
                ("Created", BudgetStatus.None, BudgetStatus.Unlocked),
                ("Line added", BudgetStatus.Unlocked, BudgetStatus.Unlocked),
                ("Line added", BudgetStatus.Unlocked, BudgetStatus.Unlocked),
                ("Locked", BudgetStatus.Unlocked, BudgetStatus.Locked),
                ("Sent to ERP Integrations", BudgetStatus.Locked, BudgetStatus.PendingAcceptance),
                ("Accepted", BudgetStatus.PendingAcceptance, BudgetStatus.Exporting),
                ("Exported", BudgetStatus.Exporting, BudgetStatus.Synced),
            ],
            budget.History.Select(h => (h.Action, h.From, h.To)));
        Assert.Equal(["pm", "pm", "pm", "pm", "pm", "ap1", BudgetApproval.SystemUser], budget.History.Select(h => h.UserId));
    }

    [Fact]
    public void Revised_estimates_are_originals_plus_budget_changes()
    {
        var budget = Locked()
            .AddChange(new BudgetChange("BC-1", "03-300", "M", 5_000.25m, "Added footings"), ProjectManager, Monday)
            .AddChange(new BudgetChange("BC-2", "03-300", "M", -1_000m, "Value engineering"), ProjectManager, Monday);

        Assert.Equal(4_000.25m, budget.ChangesOf(Concrete.Key));
        Assert.Equal(465_500.50m, budget.TotalOriginal);
        Assert.Equal(469_500.75m, budget.TotalRevised);
    }

    [Fact]
    public void Reject_returns_the_budget_to_editable_and_it_can_be_fixed_and_sent_again()
    {
        var rejected = Pending().Reject(Approver, 1, "Steel is over the bid", Monday);
        Assert.Equal(BudgetStatus.Unlocked, rejected.Status);
        Assert.Equal("Steel is over the bid", rejected.History[^1].Detail);

        var resent = rejected
            .UpdateLine(Steel with { OriginalAmount = 300_000m }, ProjectManager, Monday)
            .Lock(ProjectManager, Monday)
            .Send(ProjectManager, ErpKnows("03-300", "05-100"), Monday)
            .Accept(SecondApprover, 2, Monday);

        Assert.Equal((BudgetStatus.Exporting, 2), (resent.Status, resent.Submission));
    }

    [Fact]
    public void A_failed_export_keeps_the_erp_error_and_can_be_retried_or_rejected()
    {
        var failed = Failed();
        Assert.Equal((BudgetStatus.ExportFailed, new ErpError("I", "Phase 03-300 is closed", "Phase")), (failed.Status, failed.LastError));

        var retried = failed.RetryExport(Approver, 1, Monday);
        Assert.Equal((BudgetStatus.Exporting, null), (retried.Status, retried.LastError));

        var rejected = failed.Reject(SecondApprover, 1, "Reopen phase 03-300 first", Monday);
        Assert.Equal(BudgetStatus.Unlocked, rejected.Status);
    }

    [Fact]
    public void Retrieve_takes_a_pending_budget_back_and_a_late_decision_is_told_who_got_there_first()
    {
        var retrieved = Pending().Retrieve(ProjectManager, Monday);

        Assert.Equal(BudgetStatus.Locked, retrieved.Status);
        var late = Assert.Throws<WorkflowException>(() => retrieved.Accept(Approver, 1, Monday));
        Assert.Equal(WorkflowErrorCode.AlreadyDecided, late.Code);
        Assert.Contains("already retrieved by pm", late.Message);
    }

    [Fact]
    public void The_second_of_two_decisions_on_one_submission_is_refused_naming_the_first()
    {
        var accepted = Pending().Accept(Approver, 1, Monday);

        var second = Assert.Throws<WorkflowException>(() => accepted.Reject(SecondApprover, 1, "Too late", Monday));

        Assert.Equal(WorkflowErrorCode.AlreadyDecided, second.Code);
        Assert.Contains("already accepted by ap1", second.Message);
    }

    [Fact]
    public void A_repeated_export_report_changes_nothing()
    {
        var synced = Synced();

        Assert.Same(synced, synced.ExportSucceeded(1, Monday));
        Assert.Same(synced, synced.ExportFailed(1, new ErpError("A", "late", null), Monday));
    }

    [Fact]
    public void The_first_export_carries_every_line_and_an_update_only_what_changed()
    {
        Assert.Equal(2, Exporting().ExportDelta().Count);

        var update = Synced()
            .AddChange(new BudgetChange("BC-1", "05-100", "S", 12_000m, "Extra bracing"), ProjectManager, Monday)
            .Unlock(ProjectManager, syncedBack: true, Monday)
            .Lock(ProjectManager, Monday)
            .Send(ProjectManager, new SendCheck(SyncedJob, new HashSet<string> { "03-300", "05-100" }, JobHasEstimates: true), Monday)
            .Accept(Approver, 2, Monday);

        var delta = Assert.Single(update.ExportDelta());
        Assert.Equal(new ExportLine("05-100", "S", 340_500.50m, 352_500.50m), delta);
    }

    [Fact]
    public void Unlocking_after_an_export_waits_until_the_erp_has_synced_back()
    {
        Assert.Equal(WorkflowErrorCode.NotSyncedBack, Refusal(() => Synced().Unlock(ProjectManager, syncedBack: false, Monday)));
        Assert.Equal(BudgetStatus.Unlocked, Synced().Unlock(ProjectManager, syncedBack: true, Monday).Status);
    }

    [Fact]
    public void Unlocking_while_pending_is_refused_with_retrieve_first()
    {
        var error = Assert.Throws<WorkflowException>(() => Pending().Unlock(ProjectManager, syncedBack: true, Monday));

        Assert.Equal(WorkflowErrorCode.RetrieveFirst, error.Code);
        Assert.Contains("retrieve it", error.Message);
    }
}
