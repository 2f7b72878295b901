namespace BudgetActors.Grains.Domain;

/// <summary>
/// The round trip: lock, send to ERP Integrations, retrieve, accept or reject, export, and unlock again
/// once the ERP has it.
/// </summary>
internal static class BudgetApproval
{
    public const int MaxRejectReason = 500;

    public static BudgetState Lock(this BudgetState budget, CompanyUser by, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "lock the budget");
        if (budget.Status != BudgetStatus.Unlocked)
        {
            throw WrongState(budget, "locked", "only an unlocked budget can be locked");
        }

        return budget.Then(BudgetStatus.Locked, by.UserId, "Locked", at);
    }

    /// <param name="syncedBack">Whether the ERP's job cost data shows the exported original amounts.</param>
    public static BudgetState Unlock(this BudgetState budget, CompanyUser by, bool syncedBack, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "unlock the budget");
        return budget.Status switch
        {
            BudgetStatus.Locked => budget.Then(BudgetStatus.Unlocked, by.UserId, "Unlocked", at),
            BudgetStatus.Synced when syncedBack => budget.Then(BudgetStatus.Unlocked, by.UserId, "Unlocked", at),
            BudgetStatus.Synced => throw new WorkflowException(WorkflowErrorCode.NotSyncedBack,
                "The budget cannot be unlocked yet: the exported original amounts do not show in the ERP's job cost data. Try again once the ERP has synced back."),
            BudgetStatus.PendingAcceptance => throw new WorkflowException(WorkflowErrorCode.RetrieveFirst,
                "The budget is waiting for an accounting approver: retrieve it from ERP Integrations first, then unlock it."),
            BudgetStatus.ExportFailed => throw WrongState(budget, "unlocked", "an accounting approver must reject the failed export, which unlocks it"),
            _ => throw WrongState(budget, "unlocked", "only a locked or synced budget can be unlocked"),
        };
    }

    /// <summary>Sends a locked budget to ERP Integrations for an accounting approver.</summary>
    public static BudgetState Send(this BudgetState budget, CompanyUser by, SendCheck erp, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "send the budget to ERP Integrations");
        if (budget.Status == BudgetStatus.Unlocked)
        {
            throw new WorkflowException(WorkflowErrorCode.NotLocked, "Lock the budget before sending it to ERP Integrations.");
        }

        // A synced budget is still locked: budget changes made since the export can be sent as an update.
        if (budget.Status is not (BudgetStatus.Locked or BudgetStatus.Synced))
        {
            throw WrongState(budget, "sent", "only a locked or synced budget can be sent");
        }

        if (erp.Link is not { JobSynced: true } link)
        {
            throw new WorkflowException(WorkflowErrorCode.JobNotSynced, erp.Link is null
                ? "The project is not linked to an ERP job: add the job and sync it with the project first."
                : $"ERP job {erp.Link.ErpJob} is not synced with the project yet: sync it first.");
        }

        if (budget.Lines.IsEmpty)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, "The budget has no lines: there is nothing to send.");
        }

        var unknown = budget.Lines.Select(l => l.CostCode).Where(c => !erp.KnownCostCodes.Contains(c)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new WorkflowException(WorkflowErrorCode.UnknownCostCode,
                $"The ERP company does not know cost code{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}: add {(unknown.Count > 1 ? "them" : "it")} in the ERP or change the budget.");
        }

        if (!budget.EverExported && erp.JobHasEstimates)
        {
            throw new WorkflowException(WorkflowErrorCode.JobHasEstimates,
                $"ERP job {link.ErpJob} already holds estimates. A budget is created in one system and exported to the other: import the budget from the ERP instead.");
        }

        return (budget with { SentBy = by.UserId, SentAt = at, Submission = budget.Submission + 1, LastError = null, LastDecision = null })
            .Then(BudgetStatus.PendingAcceptance, by.UserId, "Sent to ERP Integrations", at);
    }

    /// <summary>Takes a pending budget back before an approver acts on it.</summary>
    public static BudgetState Retrieve(this BudgetState budget, CompanyUser by, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireBudgetAdmin(by, "retrieve the budget");
        if (budget.Status != BudgetStatus.PendingAcceptance)
        {
            throw WrongState(budget, "retrieved", "only a budget waiting for acceptance can be retrieved");
        }

        return (budget with { LastDecision = new BudgetDecision(budget.Submission, by.UserId, "retrieved", at) })
            .Then(BudgetStatus.Locked, by.UserId, "Retrieved from ERP Integrations", at);
    }

    public static BudgetState Accept(this BudgetState budget, CompanyUser by, int submission, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireApprover(by, "accept budgets");
        RequireUndecided(budget, submission, BudgetStatus.PendingAcceptance);
        return (budget with { LastDecision = new BudgetDecision(submission, by.UserId, "accepted", at) })
            .Then(BudgetStatus.Exporting, by.UserId, "Accepted", at);
    }

    /// <summary>Rejects a pending budget, or a failed export: the budget becomes editable again.</summary>
    public static BudgetState Reject(this BudgetState budget, CompanyUser by, int submission, string reason, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireApprover(by, "reject budgets");
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, "A rejection needs a short reason for the project manager.");
        }

        if (reason.Length > MaxRejectReason)
        {
            throw new WorkflowException(WorkflowErrorCode.InvalidInput, $"The reason is {reason.Length} characters; keep it under {MaxRejectReason}.");
        }

        RequireUndecided(budget, submission, BudgetStatus.PendingAcceptance, BudgetStatus.ExportFailed);
        return (budget with { LastDecision = new BudgetDecision(submission, by.UserId, "rejected", at) })
            .Then(BudgetStatus.Unlocked, by.UserId, "Rejected", at, reason);
    }

    public static BudgetState RetryExport(this BudgetState budget, CompanyUser by, int submission, DateTimeOffset at)
    {
        budget.RequireCreated();
        Permissions.RequireApprover(by, "retry exports");
        if (budget.Status != BudgetStatus.ExportFailed || budget.Submission != submission)
        {
            throw WrongState(budget, "exported again", "only a failed export can be retried");
        }

        return (budget with { LastError = null, LastDecision = new BudgetDecision(submission, by.UserId, "retried", at) })
            .Then(BudgetStatus.Exporting, by.UserId, "Export retried", at);
    }

    /// <summary>The ERP took the export. Repeated reports of the same export change nothing.</summary>
    public static BudgetState ExportSucceeded(this BudgetState budget, int submission, DateTimeOffset at)
    {
        if (budget.Status != BudgetStatus.Exporting || budget.Submission != submission)
        {
            return budget;
        }

        var exported = budget.Lines.Select(l => new ExportLine(l.CostCode, l.Category, l.OriginalAmount, l.OriginalAmount + budget.ChangesOf(l.Key)));
        return (budget with { Exported = [.. exported], EverExported = true, LastError = null })
            .Then(BudgetStatus.Synced, SystemUser, "Exported", at);
    }

    /// <summary>The ERP refused the export: the budget waits under "Failed to Export" with the ERP's error.</summary>
    public static BudgetState ExportFailed(this BudgetState budget, int submission, ErpError error, DateTimeOffset at)
    {
        if (budget.Status != BudgetStatus.Exporting || budget.Submission != submission)
        {
            return budget;
        }

        return (budget with { LastError = error }).Then(BudgetStatus.ExportFailed, SystemUser, "Export failed", at, error.ToString());
    }

    /// <summary>What the next export sends: every line the first time, then only lines that changed since the last export.</summary>
    public static IReadOnlyList<ExportLine> ExportDelta(this BudgetState budget)
    {
        var current = budget.Lines.Select(l => new ExportLine(l.CostCode, l.Category, l.OriginalAmount, l.OriginalAmount + budget.ChangesOf(l.Key)));
        return [.. current.Where(line => !budget.Exported.Contains(line))];
    }

    /// <summary>The user id history shows for steps the ERP gateway reports.</summary>
    public const string SystemUser = "system:erp-gateway";

    private static void RequireUndecided(BudgetState budget, int submission, params BudgetStatus[] decidable)
    {
        if (budget.Submission == submission && decidable.Contains(budget.Status))
        {
            return;
        }

        if (budget.LastDecision is { } decision && decision.Submission == submission)
        {
            throw new WorkflowException(WorkflowErrorCode.AlreadyDecided,
                $"This budget was already {decision.Verdict} by {decision.UserId} at {decision.At:yyyy-MM-dd HH:mm} UTC.");
        }

        throw new WorkflowException(WorkflowErrorCode.WrongState,
            budget.Submission == submission
                ? $"The budget is {budget.Status}: there is nothing to decide."
                : $"Submission {submission} is not the budget's current one ({budget.Submission}): reload ERP Integrations.");
    }

    private static WorkflowException WrongState(BudgetState budget, string verb, string rule) =>
        new(WorkflowErrorCode.WrongState, $"The budget is {budget.Status} and cannot be {verb}: {rule}.");
}
