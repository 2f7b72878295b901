namespace BudgetActors.Grains.Domain;

/// <summary>Creating a budget and editing its lines and budget changes.</summary>
internal static class BudgetEditing
{
    private const int MaxText = 200;

    public static BudgetState Create(this BudgetState budget, CompanyUser by, DateTimeOffset at)
    {
        Permissions.RequireBudgetAdmin(by, "create a budget");
        if (budget.Status != BudgetStatus.None)
        {
            throw new WorkflowException(WorkflowErrorCode.AlreadyExists, "This project already has a budget.");
        }

        return (budget with { CreatedBy = by.UserId }).Then(BudgetStatus.Unlocked, by.UserId, "Created", at);
    }

    public static BudgetState AddLine(this BudgetState budget, BudgetLine line, CompanyUser by, DateTimeOffset at)
    {
        RequireEditable(budget, by, "add a budget line");
        line = Checked(line);
        if (budget.FindLine(line.Key) is not null)
        {
            throw new WorkflowException(WorkflowErrorCode.AlreadyExists, $"The budget already has a line for {line.Key}; update that line instead.");
        }

        return (budget with { Lines = budget.Lines.Add(line) }).Then(budget.Status, by.UserId, "Line added", at, $"{line.Key} {line.OriginalAmount:N2}");
    }

    public static BudgetState UpdateLine(this BudgetState budget, BudgetLine line, CompanyUser by, DateTimeOffset at)
    {
        RequireEditable(budget, by, "change a budget line");
        line = Checked(line);
        var existing = budget.FindLine(line.Key) ?? throw LineNotFound(line.Key);
        return (budget with { Lines = budget.Lines.Replace(existing, line) })
            .Then(budget.Status, by.UserId, "Line updated", at, $"{line.Key} {existing.OriginalAmount:N2} -> {line.OriginalAmount:N2}");
    }

    public static BudgetState RemoveLine(this BudgetState budget, LineKey key, CompanyUser by, DateTimeOffset at)
    {
        RequireEditable(budget, by, "remove a budget line");
        var existing = budget.FindLine(key) ?? throw LineNotFound(key);
        if (budget.Changes.Any(c => c.Key == key))
        {
            throw new WorkflowException(WorkflowErrorCode.WrongState, $"Line {key} has budget changes, so it stays; set its original amount instead.");
        }

        return (budget with { Lines = budget.Lines.Remove(existing) }).Then(budget.Status, by.UserId, "Line removed", at, key.ToString());
    }

    /// <summary>A budget change moves a line's revised estimate; it is how a locked or synced budget changes.</summary>
    public static BudgetState AddChange(this BudgetState budget, BudgetChange change, CompanyUser by, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "add a budget change");
        if (budget.Status is not (BudgetStatus.Unlocked or BudgetStatus.Locked or BudgetStatus.Synced))
        {
            throw new WorkflowException(WorkflowErrorCode.WrongState,
                $"The budget is {budget.Status}: budget changes can be added while it is Unlocked, Locked or Synced, not while the ERP side has it.");
        }

        RequireText(change.ChangeId, "The budget change id");
        RequireText(change.Description, "The budget change description", mayBeEmpty: true);
        if (Money.Check(change.Amount, "The budget change amount", mayBeNegative: true) == 0)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidAmount, "A budget change of 0.00 changes nothing.");
        }

        if (budget.FindLine(change.Key) is null)
        {
            throw LineNotFound(change.Key);
        }

        if (budget.Changes.Any(c => c.ChangeId == change.ChangeId))
        {
            throw new WorkflowException(WorkflowErrorCode.AlreadyExists, $"Budget change {change.ChangeId} exists already.");
        }

        return (budget with { Changes = budget.Changes.Add(change) })
            .Then(budget.Status, by.UserId, "Budget change added", at, $"{change.ChangeId}: {change.Key} {change.Amount:+#,0.00;-#,0.00}");
    }

    public static BudgetState RemoveChange(this BudgetState budget, string changeId, CompanyUser by, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "delete a budget change");
        var change = budget.Changes.Find(c => c.ChangeId == changeId)
            ?? throw new WorkflowException(WorkflowErrorCode.NotFound, $"There is no budget change {changeId}.");
        if (budget.EverExported)
        {
            throw new WorkflowException(WorkflowErrorCode.ChangeOnSyncedProject,
                $"Budget change {changeId} cannot be deleted: the project is synced with the ERP. Add an opposite budget change instead.");
        }

        if (budget.Status is not (BudgetStatus.Unlocked or BudgetStatus.Locked))
        {
            throw new WorkflowException(WorkflowErrorCode.WrongState, $"The budget is {budget.Status}: budget changes can be deleted while it is Unlocked or Locked.");
        }

        return (budget with { Changes = budget.Changes.Remove(change) }).Then(budget.Status, by.UserId, "Budget change deleted", at, changeId);
    }

    private static void RequireEditable(BudgetState budget, CompanyUser by, string action)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, action);
        if (budget.Status != BudgetStatus.Unlocked)
        {
            throw new WorkflowException(WorkflowErrorCode.EditWhileLocked,
                $"The budget is {budget.Status}: lines can only be edited while it is unlocked. Add a budget change instead{(budget.Status == BudgetStatus.Locked ? ", or unlock it" : "")}.");
        }
    }

    private static BudgetLine Checked(BudgetLine line)
    {
        RequireText(line.CostCode, "The cost code");
        RequireText(line.Category, "The category");
        RequireText(line.Description, "The description", mayBeEmpty: true);
        Money.Check(line.OriginalAmount, $"The original budget of {line.Key}", mayBeNegative: false);
        return line with { CostCode = line.CostCode.Trim(), Category = line.Category.Trim(), Description = line.Description.Trim() };
    }

    private static void RequireText(string? text, string what, bool mayBeEmpty = false)
    {
        if (text is null || (!mayBeEmpty && string.IsNullOrWhiteSpace(text)))
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"{what} is required.");
        }

        if (text.Length > MaxText)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"{what} is longer than {MaxText} characters.");
        }
    }

    private static WorkflowException LineNotFound(LineKey key) =>
        new(WorkflowErrorCode.NotFound, $"The budget has no line for cost code {key.CostCode}, category {key.Category}.");
}
