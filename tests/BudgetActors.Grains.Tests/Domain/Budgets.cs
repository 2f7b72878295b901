namespace BudgetActors.Grains.Tests;

/// <summary>Budgets at each step of the workflow, for rule tests to start from.</summary>
internal static class Budgets
{
    public static readonly BudgetLine Concrete = new("03-300", "M", "Cast-in-place concrete", 125_000.00m);
    public static readonly BudgetLine Steel = new("05-100", "S", "Structural steel", 340_500.50m);

    public static BudgetState Unlocked() =>
        new BudgetState().Create(People.ProjectManager, People.Monday)
            .AddLine(Concrete, People.ProjectManager, People.Monday)
            .AddLine(Steel, People.ProjectManager, People.Monday);

    public static BudgetState Locked() => Unlocked().Lock(People.ProjectManager, People.Monday);

    public static BudgetState Pending() => Locked().Send(People.ProjectManager, People.ErpKnows("03-300", "05-100"), People.Monday);

    public static BudgetState Exporting() => Pending().Accept(People.Approver, 1, People.Monday);

    public static BudgetState Synced() => Exporting().ExportSucceeded(1, People.Monday);

    public static BudgetState Failed() => Exporting().ExportFailed(1, new ErpError("I", "Phase 03-300 is closed", "Phase"), People.Monday);

    public static WorkflowErrorCode Refusal(Func<BudgetState> step) => Assert.Throws<WorkflowException>(() => step()).Code;
}
