using static BudgetActors.Grains.Tests.Budgets;
using static BudgetActors.Grains.Tests.People;

namespace BudgetActors.Grains.Tests;

/// <summary>Each rule of the workflow refuses with its own code; a refusal never changes the budget.</summary>
public sealed class BudgetRefusalTests
{
    [Theory]
    [InlineData(BudgetStatus.Locked)]
    [InlineData(BudgetStatus.PendingAcceptance)]
    [InlineData(BudgetStatus.Synced)]
    public void Lines_can_only_be_edited_while_unlocked(BudgetStatus status)
    {
        var budget = status switch
        {
            BudgetStatus.Locked => Locked(),
            BudgetStatus.PendingAcceptance => Pending(),
            _ => Synced(),
        };

        Assert.Equal(WorkflowErrorCode.EditWhileLocked, Refusal(() => budget.AddLine(new BudgetLine("09-900", "L", "Paint", 1m), ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.EditWhileLocked, Refusal(() => budget.UpdateLine(Concrete with { OriginalAmount = 1m }, ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.EditWhileLocked, Refusal(() => budget.RemoveLine(Concrete.Key, ProjectManager, Monday)));
    }

    [Theory]
    [InlineData("-0.01", WorkflowErrorCode.InvalidAmount)]
    [InlineData("10.005", WorkflowErrorCode.InvalidAmount)]
    [InlineData("1000000000000", WorkflowErrorCode.InvalidAmount)]
    public void Original_amounts_are_money_and_never_negative(string amount, WorkflowErrorCode code)
    {
        var line = new BudgetLine("09-900", "L", "Paint", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(code, Refusal(() => Unlocked().AddLine(line, ProjectManager, Monday)));
    }

    [Fact]
    public void A_cost_code_and_category_appear_on_one_line_only()
    {
        Assert.Equal(WorkflowErrorCode.AlreadyExists, Refusal(() => Unlocked().AddLine(Concrete with { Description = "again" }, ProjectManager, Monday)));
        Assert.Equal(3, Unlocked().AddLine(Concrete with { Category = "L" }, ProjectManager, Monday).Lines.Count);
    }

    [Theory]
    [InlineData("", "M")]
    [InlineData("03-300", " ")]
    public void A_line_needs_a_cost_code_and_a_category(string costCode, string category) =>
        Assert.Equal(WorkflowErrorCode.InvalidInput, Refusal(() => Unlocked().AddLine(new BudgetLine(costCode, category, "x", 1m), ProjectManager, Monday)));

    [Fact]
    public void Budget_changes_may_be_negative_but_not_zero_or_over_precise_and_need_their_line()
    {
        var locked = Locked();

        Assert.Equal(WorkflowErrorCode.InvalidAmount, Refusal(() => locked.AddChange(new BudgetChange("BC-1", "03-300", "M", 0m, ""), ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.InvalidAmount, Refusal(() => locked.AddChange(new BudgetChange("BC-1", "03-300", "M", 1.001m, ""), ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.NotFound, Refusal(() => locked.AddChange(new BudgetChange("BC-1", "99-999", "M", 10m, ""), ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.WrongState, Refusal(() => Pending().AddChange(new BudgetChange("BC-1", "03-300", "M", 10m, ""), ProjectManager, Monday)));
        Assert.Single(locked.AddChange(new BudgetChange("BC-1", "03-300", "M", -10m, "credit"), ProjectManager, Monday).Changes);
    }

    [Fact]
    public void Budget_changes_of_an_erp_synced_project_cannot_be_deleted()
    {
        var change = new BudgetChange("BC-1", "03-300", "M", 10m, "");
        Assert.Empty(Locked().AddChange(change, ProjectManager, Monday).RemoveChange("BC-1", ProjectManager, Monday).Changes);

        var synced = Synced().AddChange(change, ProjectManager, Monday);

        var error = Assert.Throws<WorkflowException>(() => synced.RemoveChange("BC-1", ProjectManager, Monday));
        Assert.Equal(WorkflowErrorCode.ChangeOnSyncedProject, error.Code);
    }

    [Fact]
    public void Sending_needs_a_locked_budget()
    {
        Assert.Equal(WorkflowErrorCode.NotLocked, Refusal(() => Unlocked().Send(ProjectManager, ErpKnows("03-300", "05-100"), Monday)));
        Assert.Equal(WorkflowErrorCode.WrongState, Refusal(() => Pending().Send(ProjectManager, ErpKnows("03-300", "05-100"), Monday)));
    }

    [Fact]
    public void Sending_needs_the_project_linked_to_a_synced_erp_job()
    {
        var noLink = new SendCheck(null, new HashSet<string> { "03-300", "05-100" }, false);
        var notSynced = noLink with { Link = SyncedJob with { JobSynced = false } };

        Assert.Equal(WorkflowErrorCode.JobNotSynced, Refusal(() => Locked().Send(ProjectManager, noLink, Monday)));
        Assert.Equal(WorkflowErrorCode.JobNotSynced, Refusal(() => Locked().Send(ProjectManager, notSynced, Monday)));
    }

    [Fact]
    public void Sending_needs_every_cost_code_known_to_the_erp_company()
    {
        var error = Assert.Throws<WorkflowException>(() => Locked().Send(ProjectManager, ErpKnows("03-300"), Monday));

        Assert.Equal(WorkflowErrorCode.UnknownCostCode, error.Code);
        Assert.Contains("cost code 05-100", error.Message);
    }

    [Fact]
    public void A_first_export_to_a_job_that_already_holds_estimates_is_refused()
    {
        var error = Assert.Throws<WorkflowException>(() => Locked().Send(ProjectManager, ErpKnows("03-300", "05-100") with { JobHasEstimates = true }, Monday));

        Assert.Equal(WorkflowErrorCode.JobHasEstimates, error.Code);
        Assert.Contains("import the budget from the ERP instead", error.Message);
    }

    [Fact]
    public void An_empty_budget_has_nothing_to_send()
    {
        var empty = new BudgetState().Create(ProjectManager, Monday).Lock(ProjectManager, Monday);

        Assert.Equal(WorkflowErrorCode.InvalidInput, Refusal(() => empty.Send(ProjectManager, ErpKnows(), Monday)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string reason) =>
        Assert.Equal(WorkflowErrorCode.InvalidInput, Refusal(() => Pending().Reject(Approver, 1, reason, Monday)));

    [Fact]
    public void A_rejection_reason_is_short()
    {
        Assert.Equal(WorkflowErrorCode.InvalidInput, Refusal(() => Pending().Reject(Approver, 1, new string('x', 501), Monday)));
        Assert.Equal(BudgetStatus.Unlocked, Pending().Reject(Approver, 1, new string('x', 500), Monday).Status);
    }

    [Fact]
    public void Nothing_happens_to_a_budget_that_does_not_exist()
    {
        Assert.Equal(WorkflowErrorCode.NotFound, Refusal(() => new BudgetState().Lock(ProjectManager, Monday)));
        Assert.Equal(WorkflowErrorCode.AlreadyExists, Refusal(() => Unlocked().Create(ProjectManager, Monday)));
    }
}
