namespace BudgetActors.Grains.Domain;

/// <summary>Bringing a Spectrum budget (its estimates) over, the first time or again after ERP changes.</summary>
internal static class BudgetImport
{
    /// <summary>
    /// The ERP items that become lines: only items with a job-to-date cost and/or an original estimate are
    /// imported, and a cost code/category combination needs an estimate above $0 to create a line.
    /// </summary>
    public static IReadOnlyList<BudgetLine> LinesFrom(IEnumerable<ErpEstimate> items) =>
    [
        .. items
            .Where(i => i.JobToDateCost != 0 || i.OriginalEstimate != 0)
            .Where(i => i.OriginalEstimate > 0)
            .Select(i => new BudgetLine(i.CostCode, i.Category, i.Description, decimal.Round(i.OriginalEstimate, 2)))
            .DistinctBy(l => l.Key),
    ];

    public static BudgetState Import(this BudgetState budget, CompanyUser by, ErpSystem erp, ProjectLink? link, IReadOnlyList<ErpEstimate> items, ImportMode mode, DateTimeOffset at)
    {
        if (erp == ErpSystem.Vista)
        {
            throw new WorkflowException(WorkflowErrorCode.NotSupported,
                "Viewpoint Vista has no budget import: create the budget here and export it to Vista.");
        }

        Permissions.RequireErpStandard(by, "import a budget from the ERP");
        if (budget.Status is not (BudgetStatus.None or BudgetStatus.Unlocked))
        {
            throw new WorkflowException(WorkflowErrorCode.WrongState, $"The budget is {budget.Status}: unlock it before importing from the ERP.");
        }

        if (link is not { JobSynced: true })
        {
            throw new WorkflowException(WorkflowErrorCode.JobNotSynced, "The project's ERP job must be added and synced before its budget can be imported.");
        }

        var imported = Apply(budget, items, mode);
        var created = budget.Status == BudgetStatus.None
            ? (imported with { CreatedBy = by.UserId }).Then(BudgetStatus.Unlocked, by.UserId, "Created by import", at)
            : imported;
        return created.Then(BudgetStatus.Unlocked, by.UserId, $"Imported from the ERP ({mode})", at, $"{imported.Lines.Count} lines, {imported.TotalOriginal:N2}");
    }

    /// <summary>What an import would change, without changing anything.</summary>
    public static ReimportPreview Preview(this BudgetState budget, IReadOnlyList<ErpEstimate> items, ImportMode mode)
    {
        var after = Apply(budget, items, mode);
        var added = after.Lines.Count(l => budget.FindLine(l.Key) is null);
        var updated = after.Lines.Count(l => budget.FindLine(l.Key) is { } before && before.OriginalAmount != l.OriginalAmount);
        return new ReimportPreview(LinesFrom(items).Sum(l => l.OriginalAmount), budget.TotalOriginal, after.TotalOriginal, added, updated);
    }

    private static BudgetState Apply(BudgetState budget, IReadOnlyList<ErpEstimate> items, ImportMode mode)
    {
        var erpLines = LinesFrom(items);
        var lines = mode == ImportMode.Override
            ? erpLines
            : [.. budget.Lines, .. erpLines.Where(l => budget.FindLine(l.Key) is null)];
        var orphaned = budget.Changes.Where(c => lines.All(l => l.Key != c.Key)).Select(c => c.Key.ToString()).Distinct().ToList();
        if (orphaned.Count > 0)
        {
            throw new WorkflowException(WorkflowErrorCode.WrongState,
                $"Overriding would remove lines that have budget changes ({string.Join(", ", orphaned)}): keep existing lines instead.");
        }

        return budget with { Lines = [.. lines] };
    }
}
